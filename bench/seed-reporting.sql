-- Benchmark data for reporting (bench/README.md): 200,000 information items spread over the active people (and so
-- over the demo units), with one author each, an angle and a source tag, version 1, and for the later states a
-- submission to 区委办 and an adoption. Runs after Flyway and the demo data, in seconds (generate_series).
-- PostgreSQL only; never part of the test suite.

create temporary table bench_person as
select p.id, p.name, p.unit_id, (row_number() over (order by p.id) - 1)::int as n
from org_person p join org_unit u on u.id = p.unit_id
where p.active and u.active;

create temporary table bench_item as
select g,
       bp.id as person_id, bp.name as person_name, bp.unit_id,
       (array['关于', '全区', '我局', '持续'])[1 + g % 4]
         || (array['老旧小区改造', '物业服务提升', '房屋安全排查', '建筑工地扬尘治理', '保障性住房建设',
                   '燃气安全整治', '城市更新', '住房公积金', '房地产市场监管', '农村危房改造'])[1 + (g / 7) % 10]
         || (array['工作取得新进展', '推进情况', '专项行动成效明显', '经验做法', '存在问题及建议'])[1 + (g / 3) % 5]
         || '（' || g || '）' as title,
       '今年以来，区住建局围绕' || (array['老旧小区改造', '物业服务提升', '房屋安全排查', '建筑工地扬尘治理', '保障性住房建设',
                   '燃气安全整治', '城市更新', '住房公积金', '房地产市场监管', '农村危房改造'])[1 + (g / 7) % 10]
         || '，聚焦群众急难愁盼，累计完成项目' || (g % 97) || '个，惠及居民' || (g % 5000) || '户。'
         || '下一步将持续压实责任，建立长效机制，确保各项工作落地见效。' as body_text,
       case when g % 5 = 0 then 'PARTY' else 'GOVERNMENT' end as kind,
       case when g % 20 < 6 then 'DRAFT' when g % 20 < 9 then 'IN_REVIEW' when g % 20 = 9 then 'RETURNED'
            when g % 20 < 12 then 'SIGNED_OFF' when g % 20 < 17 then 'SUBMITTED' else 'ADOPTED' end as status,
       timestamp with time zone '2026-11-27 09:00:00+08' - g * interval '5 minutes' as created_at
from generate_series(1, 200000) as g
join bench_person bp on bp.n = g % (select count(*) from bench_person);

insert into rpt_item (title, body, body_text, kind, unit_id, status, review_role, drafter_user_id, drafter_person_id,
                      drafter_name, revision, created_at, updated_at, version, urgent, first_submitted_at, adoption_level)
select title, '<p>' || body_text || '</p>', body_text, kind, unit_id, status,
       case when status = 'IN_REVIEW' then 'OFFICE_EDITOR' end, -1, person_id, person_name, 1, created_at,
       created_at, 0, false,
       case when status in ('SUBMITTED', 'ADOPTED') then created_at + interval '1 day' end,
       case when status = 'ADOPTED' then (array['DISTRICT', 'CITY', 'PROVINCE', 'NATIONAL'])[1 + g % 4] end
from bench_item
order by g;

insert into rpt_item_author (item_id, position, person_id, person_name, unit_id, weight)
select i.id, 0, i.drafter_person_id, i.drafter_name, i.unit_id, null
from rpt_item i where i.drafter_user_id = -1;

insert into rpt_item_angle (item_id, angle)
select id, (array['HIGHER_FOCUS', 'NEW_HIGHLIGHT', 'HOT_ISSUE'])[1 + id % 3] from rpt_item where drafter_user_id = -1;

insert into rpt_item_source (item_id, source_tag)
select id, (array['NPC_SUGGESTION', 'CPPCC_PROPOSAL', 'PETITION', 'ONLINE_OPINION', 'SUPERIOR_DEPLOYMENT',
                  'INDUSTRY_DEVELOPMENT', 'POLICY_CHANGE', 'CORE_DUTY'])[1 + id % 8]
from rpt_item where drafter_user_id = -1;

insert into rpt_document_version (document_type, document_id, version_no, title, body, body_text, note, actor_user_id,
                                  actor_name, created_at)
select 'INFORMATION_ITEM', id, 1, title, body, body_text, 'DRAFTED', null, drafter_name, created_at
from rpt_item where drafter_user_id = -1;

insert into rpt_submission (item_id, body_id, channel, submitted_at, note, recorded_by_user_id, recorded_by_name,
                            recorded_at)
select i.id, (select min(id) from rpt_body), 'PLATFORM', i.first_submitted_at, null, -1, '周敏', i.first_submitted_at
from rpt_item i where i.drafter_user_id = -1 and i.first_submitted_at is not null;

insert into rpt_adoption (item_id, outlet, issue, level, adopted_on, evidence, recorded_by_name, recorded_at)
select i.id, (array['区《每日要情》', '市《住建信息》', '省《住建动态》', '《建设工作简报》'])[1 + i.id % 4], '第' || (i.id % 50) || '期',
       i.adoption_level, cast(i.first_submitted_at + interval '2 days' as date), '采用通知', '周敏',
       i.first_submitted_at + interval '2 days'
from rpt_item i where i.drafter_user_id = -1 and i.status = 'ADOPTED';

drop table bench_item;
drop table bench_person;
