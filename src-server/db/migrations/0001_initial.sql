-- Organisations, teams and the people who sign in.
create table orgs (
  id text primary key,
  name text not null unique,
  created_at timestamptz not null default now()
);

create table teams (
  id text primary key,
  org_id text not null references orgs (id),
  name text not null,
  created_at timestamptz not null default now(),
  unique (org_id, name)
);

create table users (
  id text primary key,
  org_id text not null references orgs (id),
  team_id text not null references teams (id),
  -- Stored lower-case: sign-in compares case-insensitively.
  email text not null unique,
  name text not null,
  role text not null check (role in ('rep', 'manager', 'marketing', 'admin')),
  -- scrypt$N$r$p$salt$hash (base64url); the cost travels with the hash so it can be raised later.
  password_hash text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Refresh tokens are stored hashed (sha256) and rotate on every use; a family is one sign-in on one device.
create table refresh_tokens (
  id text primary key,
  family_id text not null,
  user_id text not null references users (id),
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  rotated_at timestamptz,
  revoked_at timestamptz
);
create index refresh_tokens_family_idx on refresh_tokens (family_id);

-- One sequence for every write; per collection, writers are serialized by a transaction-scoped advisory lock
-- taken before nextval, so a collection's seqs become visible in commit order (see sync/documentStore.ts).
create sequence document_seq;

create table documents (
  collection text not null,
  id text not null,
  seq bigint not null,
  org_id text not null,
  team_id text not null,
  owner_id text not null,
  -- Who could see this document before a reassignment or a move: they get it once more as a deletion.
  former_team_ids text[] not null default '{}',
  former_owner_ids text[] not null default '{}',
  deleted boolean not null default false,
  -- The document exactly as pushed, without _deleted and without anything the server stamps.
  data jsonb not null,
  written_by text,
  written_at timestamptz not null default now(),
  primary key (collection, id)
);
create unique index documents_collection_seq_idx on documents (collection, seq);

-- Pushed documents the server refused (schema or authorization), kept with the reason so nothing is lost silently.
create table quarantine (
  id bigint generated always as identity primary key,
  collection text not null,
  doc_id text not null,
  user_id text not null,
  reason text not null,
  document jsonb not null,
  at timestamptz not null default now()
);
create index quarantine_user_idx on quarantine (user_id, at);

create table app_settings (
  key text primary key,
  value text not null
);
