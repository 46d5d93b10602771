-- Benchmark data for assessment (issue 4 "Performance", bench/README.md): 100 units, 2,000 people and 200,000
-- scored events in 2026 — the SOURCE records recomputation reads (reporting.ScoringRecords: 140,000 adoptions,
-- 30,000 leader instructions, 20,000 solicitation deliveries, 5,000 missed solicitations, 2,000 same-day items
-- missed, 3,000 漏报/瞒报 records; 5,000 adopted items reported late) plus the ledger exactly as the listeners
-- would have written it with the default rules (unit line + authors' split, halving of late items). That the
-- ledger is what the listeners would write is checked by the benchmark itself: the recomputation of the year must
-- find no difference. Runs after Flyway and the demo data (generate_series). PostgreSQL only; never in the tests.

-- ---- organisation: up to 100 active units and 2,000 active people
insert into org_unit (name, short_name, type, parent_id, sort_order, active, created_at, updated_at, version)
select '考核基准单位' || lpad(g::text, 3, '0'), '基准' || g, case when g % 3 = 0 then 'INSTITUTION' else 'SECTION' end,
       null, 1000 + g, true, now(), now(), 0
from generate_series(1, 100 - (select count(*) from org_unit where active)) as g;

create temporary table bench_unit as
select id, (row_number() over (order by id) - 1)::int as k from org_unit where active and type <> 'LEADERSHIP';

insert into org_person (name, unit_id, position, party_member, section_level_cadre, online_commentator, sort_order,
                        active, created_at, updated_at, version)
select (array['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴'])[1 + g % 10]
         || (array['明', '华', '芳', '伟', '静', '磊', '敏', '强', '丽', '军'])[1 + (g / 10) % 10] || g,
       u.id, '科员', g % 2 = 0, false, false, 1000 + g, true, now(), now(), 0
from generate_series(1, 2000 - (select count(*) from org_person where active)) as g
join bench_unit u on u.k = g % (select count(*) from bench_unit);

create temporary table bench_person as
select p.id, p.name, p.unit_id, (row_number() over (partition by p.unit_id order by p.id) - 1)::int as n,
       count(*) over (partition by p.unit_id) as cnt
from org_person p join bench_unit u on u.id = p.unit_id where p.active;

-- ---- items: g 1..140,000 adopted (30,000 of them also instructed, 5,000 reported late), 140,001..142,000 same-day
-- items whose day ended unreported; one author, every fourth item two (equal shares: the points split exactly)
create temporary table bench_g as
select g, u.id as unit_id, u.k,
       date '2026-01-01' + (g % 331) as day,
       case when g % 10 < 5 then 'DISTRICT' when g % 10 < 8 then 'CITY' when g % 100 = 99 then 'NATIONAL'
            else 'PROVINCE' end as level
from generate_series(1, 142000) as g
join bench_unit u on u.k = g % (select count(*) from bench_unit);

insert into rpt_item (title, body, body_text, kind, unit_id, status, review_role, drafter_user_id, drafter_person_id,
                      drafter_name, revision, created_at, updated_at, version, urgent, first_submitted_at,
                      late_seconds, adoption_level)
select '考核基准信息' || b.g, '<p>考核基准信息正文</p>', '考核基准信息正文', 'GOVERNMENT', b.unit_id,
       case when b.g <= 140000 then 'ADOPTED' else 'DRAFT' end, null, -2, p.id, p.name, 1,
       b.day - interval '3 days', b.day - interval '3 days', 0, b.g > 140000 or b.g % 28 = 5,
       case when b.g <= 140000 then (b.day - interval '2 days')::timestamp at time zone 'Asia/Shanghai' end,
       case when b.g % 28 = 5 and b.g <= 140000 then 3600 end,
       case when b.g <= 140000 then b.level end
from bench_g b join bench_person p on p.unit_id = b.unit_id and p.n = (b.g / 100) % p.cnt
order by b.g;

create temporary table bench_item as
select b.*, i.id as item_id, i.title from bench_g b join rpt_item i on i.title = '考核基准信息' || b.g
where i.drafter_user_id = -2;
create index on bench_item (g);

insert into rpt_item_author (item_id, position, person_id, person_name, unit_id, weight)
select i.id, 0, i.drafter_person_id, i.drafter_name, i.unit_id, null from rpt_item i where i.drafter_user_id = -2;
insert into rpt_item_author (item_id, position, person_id, person_name, unit_id, weight)
select b.item_id, 1, p.id, p.name, p.unit_id, null
from bench_item b join bench_person p on p.unit_id = b.unit_id and p.n = (b.g / 100 + 1) % p.cnt
where b.g % 4 = 0 and p.cnt > 1;

insert into rpt_adoption (item_id, outlet, issue, level, adopted_on, evidence, recorded_by_name, recorded_at)
select item_id, '市《住建信息》', '第' || (g % 50) || '期', level, day, '采用通知', '周敏',
       day::timestamp at time zone 'Asia/Shanghai'
from bench_item where g <= 140000 order by g;

insert into rpt_instruction (item_id, level, leader, instructed_on, summary, recorded_by_name, recorded_at)
select item_id, (array['DISTRICT', 'CITY', 'PROVINCE', 'NATIONAL'])[1 + (g / 14) % 4], '王市长', day, '请总结推广',
       '周敏', day::timestamp at time zone 'Asia/Shanghai'
from bench_item where g <= 140000 and g % 14 in (0, 1, 2) order by g;

insert into rpt_missed_deadline (subject, subject_id, unit_id, due_at, published_at)
select 'URGENT_ITEM', item_id, unit_id, (day + time '18:00')::timestamp at time zone 'Asia/Shanghai',
       (day + 1)::timestamp at time zone 'Asia/Shanghai'
from bench_item where g > 140000;

-- ---- solicitations: 20,000 delivered (every fifth a day late), 5,000 missed; one unit each
insert into rpt_solicitation (body_id, topic, requirements, received_on, deadline, registered_by_user_id,
                              registered_by_name, delivered_at, delivered_item_id, created_at, updated_at, version)
select (select min(id) from rpt_body), '考核基准约稿' || s, null, b.day - 5,
       (b.day + time '18:00')::timestamp at time zone 'Asia/Shanghai', -2, '周敏',
       case when s <= 20000 and s % 5 = 0 then (b.day + 1 + time '10:00')::timestamp at time zone 'Asia/Shanghai'
            when s <= 20000 then (b.day + time '10:00')::timestamp at time zone 'Asia/Shanghai' end,
       case when s <= 20000 then b.item_id end, now(), now(), 0
from generate_series(1, 25000) as s join bench_item b on b.g = s * 5
order by s;

create temporary table bench_solicitation as
select s.id, s.deadline, s.delivered_at, s.delivered_item_id, u.id as unit_id
from rpt_solicitation s
join bench_unit u on u.k = (substring(s.topic from 7)::int) % (select count(*) from bench_unit)
where s.registered_by_user_id = -2;

insert into rpt_solicitation_unit (solicitation_id, unit_id) select id, unit_id from bench_solicitation;

insert into rpt_missed_deadline (subject, subject_id, unit_id, due_at, published_at)
select 'SOLICITATION', id, unit_id, deadline, deadline + interval '1 minute'
from bench_solicitation where delivered_at is null;

-- ---- 漏报 / 瞒报 recorded by the office
insert into rpt_concealed_report (unit_id, kind, occurred_on, subject, reason, recorded_by_user_id, recorded_by_name,
                                  recorded_at)
select b.unit_id, case when c % 2 = 0 then 'CONCEALED' else 'OMITTED' end, b.day, '考核基准未报事件' || c, '未按规定报送',
       -2, '周敏', now()
from generate_series(1, 3000) as c join bench_item b on b.g = c * 37;

-- ---- the ledger as the listeners write it (default rules, version 1)
create temporary table bench_points (rule_key varchar(60) primary key, points numeric(10,2));
insert into bench_points values ('ADOPTION:DISTRICT', 2), ('ADOPTION:CITY', 5), ('ADOPTION:PROVINCE', 10),
  ('ADOPTION:NATIONAL', 20), ('INSTRUCTION:DISTRICT', 5), ('INSTRUCTION:CITY', 10), ('INSTRUCTION:PROVINCE', 15),
  ('INSTRUCTION:NATIONAL', 20), ('SOLICITATION:ON_TIME', 3), ('SOLICITATION:LATE', -5), ('SOLICITATION:MISSED', -5),
  ('URGENT:MISSED', -10), ('URGENT:CONCEALED', -10);

-- the scorings of items (adoptions and instructions): one row per source
create temporary table bench_scoring as
select 'ADOPTION' as source_type, a.id as source_id, 'ADOPTION:' || a.level as rule_key, 'ADOPTION' as category,
       i.id as item_id, i.unit_id, i.title, a.adopted_on as day, coalesce(i.late_seconds, 0) > 0 as late
from rpt_adoption a join rpt_item i on i.id = a.item_id where i.drafter_user_id = -2
union all
select 'INSTRUCTION', n.id, 'INSTRUCTION:' || n.level, 'INSTRUCTION', i.id, i.unit_id, i.title, n.instructed_on,
       coalesce(i.late_seconds, 0) > 0
from rpt_instruction n join rpt_item i on i.id = n.item_id where i.drafter_user_id = -2;

create temporary table bench_entry as
select s.unit_id, null::bigint as person_id, 'U:' || s.unit_id as recipient_key, bp.points, s.category, s.rule_key,
       s.source_type, s.source_id::text as source_id, s.item_id, s.title as source_label,
       '/reporting/items/' || s.item_id as source_link, s.day, s.late
from bench_scoring s join bench_points bp on bp.rule_key = s.rule_key
union all
select au.unit_id, au.person_id, 'P:' || au.person_id, bp.points / (select count(*) from rpt_item_author x
       where x.item_id = s.item_id), s.category, s.rule_key, s.source_type, s.source_id::text, s.item_id, s.title,
       '/reporting/items/' || s.item_id, s.day, s.late
from bench_scoring s join bench_points bp on bp.rule_key = s.rule_key join rpt_item_author au on au.item_id = s.item_id;

insert into asm_entry (unit_id, person_id, recipient_key, points, category, rule_key, rule_id, rule_version, source_type,
                       source_id, item_id, source_label, source_link, period_date, revision, origin, note, recompute_id,
                       created_by, created_at)
select e.unit_id, e.person_id, e.recipient_key, e.points, e.category, e.rule_key, r.id, r.version, e.source_type,
       e.source_id, e.item_id, e.source_label, e.source_link, e.day, 0, 'EVENT', null, null, 'system', now()
from bench_entry e join asm_rule r on r.rule_key = e.rule_key and r.version = 1
order by e.day, e.source_type, e.source_id;

-- a late item's scorings lose half, per recipient (URGENT:LATE, multiplier 0.5)
insert into asm_late_item (item_id, unit_id, submitted_on, recorded_at)
select id, unit_id, cast(first_submitted_at at time zone 'Asia/Shanghai' as date), now()
from rpt_item where drafter_user_id = -2 and late_seconds > 0;

insert into asm_entry (unit_id, person_id, recipient_key, points, category, rule_key, rule_id, rule_version, source_type,
                       source_id, item_id, source_label, source_link, period_date, revision, origin, note, recompute_id,
                       created_by, created_at)
select e.unit_id, e.person_id, e.recipient_key, round(-e.points * r.multiplier, 2), 'URGENT', 'URGENT:LATE', r.id,
       r.version, 'URGENT_LATE', e.source_type || ':' || e.source_id, e.item_id, e.source_label, e.source_link, e.day, 0,
       'EVENT', null, null, 'system', now()
from bench_entry e join asm_rule r on r.rule_key = 'URGENT:LATE' and r.version = 1
where e.late;

-- solicitations delivered (on time / late) and missed, same-day items missed, 漏报 / 瞒报: the unit only
insert into asm_entry (unit_id, person_id, recipient_key, points, category, rule_key, rule_id, rule_version, source_type,
                       source_id, item_id, source_label, source_link, period_date, revision, origin, note, recompute_id,
                       created_by, created_at)
select f.unit_id, null, 'U:' || f.unit_id, bp.points, f.category, f.rule_key, r.id, r.version, f.source_type,
       f.source_id, f.item_id, f.label, f.link, f.day, 0, 'EVENT', null, null, 'system', now()
from (
  select s.unit_id, 'SOLICITATION' as category,
         case when s.delivered_at <= s.deadline then 'SOLICITATION:ON_TIME' else 'SOLICITATION:LATE' end as rule_key,
         'SOLICITATION' as source_type, s.id::text as source_id, s.delivered_item_id as item_id, '约稿' as label,
         '/reporting/solicitations/' || s.id as link, cast(s.delivered_at at time zone 'Asia/Shanghai' as date) as day
  from bench_solicitation s where s.delivered_at is not null
  union all
  select s.unit_id, 'SOLICITATION', 'SOLICITATION:MISSED', 'SOLICITATION', s.id::text, null, '约稿',
         '/reporting/solicitations/' || s.id, cast(s.deadline at time zone 'Asia/Shanghai' as date)
  from bench_solicitation s where s.delivered_at is null
  union all
  select m.unit_id, 'URGENT', 'URGENT:MISSED', 'URGENT_MISSED', m.subject_id::text, m.subject_id, '紧急信息',
         '/reporting/items/' || m.subject_id, cast(m.due_at at time zone 'Asia/Shanghai' as date)
  from rpt_missed_deadline m where m.subject = 'URGENT_ITEM'
  union all
  select c.unit_id, 'URGENT', case when c.kind = 'CONCEALED' then 'URGENT:CONCEALED' else 'URGENT:MISSED' end,
         'CONCEALED', c.id::text, null, c.subject, '/reporting/concealed', c.occurred_on
  from rpt_concealed_report c where c.recorded_by_user_id = -2
) f
join bench_points bp on bp.rule_key = f.rule_key
join asm_rule r on r.rule_key = f.rule_key and r.version = 1;

drop table bench_entry;
drop table bench_scoring;
drop table bench_points;
drop table bench_solicitation;
drop table bench_item;
drop table bench_g;
drop table bench_person;
drop table bench_unit;

-- the monthly sums the rankings read (asm_entry_month, kept by Ledger.write), rebuilt from the whole ledger
delete from asm_entry_month;
insert into asm_entry_month (month_start, person_id, unit_id, category, points)
select cast(date_trunc('month', period_date) as date), coalesce(person_id, 0), unit_id, category, sum(points)
from asm_entry
group by cast(date_trunc('month', period_date) as date), coalesce(person_id, 0), unit_id, category;
