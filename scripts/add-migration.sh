#!/usr/bin/env bash
# Adds a migration with the same name to each provider's migration set (SQLite, SQL Server, PostgreSQL).
# Usage: scripts/add-migration.sh AddOffers
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh MigrationName}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
project=src/MigrationPortal.Web
dotnet build "$project" -v q -nologo >/dev/null
for pair in Sqlite:SqlitePortalDb SqlServer:SqlServerPortalDb Postgres:PostgresPortalDb; do
  dir="${pair%%:*}"; ctx="${pair##*:}"
  echo "== $ctx"
  dotnet ef migrations add "$name" --no-build --project "$project" --context "$ctx" --output-dir "Data/Migrations/$dir"
done
