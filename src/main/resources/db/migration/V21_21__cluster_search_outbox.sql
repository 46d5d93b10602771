-- issue 18, profile cluster: Hibernate Search's outbox-polling coordination (the mapping of
-- hibernate-search-mapper-orm-outbox-polling 8.2, names through Spring's snake-case naming): every instance's changes
-- to indexed entities are written here in the same transaction, and the instances' event processors (registered in
-- hsearch_agent, each with its share of the entity id hashes) apply each one to OpenSearch once. Unused, and empty,
-- with one instance (Lucene, no coordination).
create table hsearch_outbox_event (
    id             uuid         not null primary key,
    entity_name    varchar(256) not null,
    entity_id      varchar(256) not null,
    entity_id_hash integer      not null,
    payload        bytea        not null,
    retries        integer      not null,
    process_after  timestamp(6) with time zone not null,
    status         varchar(255) not null,
    tenant_id      varchar(256)
);
create index hsearch_outbox_event_hash on hsearch_outbox_event (entity_id_hash);
create index hsearch_outbox_event_status on hsearch_outbox_event (status);
create index hsearch_outbox_event_after on hsearch_outbox_event (process_after);

create table hsearch_agent (
    id                   uuid         not null primary key,
    type                 varchar(255) not null,
    name                 varchar(255) not null,
    expiration           timestamp(6) with time zone not null,
    state                varchar(255) not null,
    total_shard_count    integer,
    assigned_shard_index integer,
    payload              bytea,
    tenant_id            varchar(256)
);
