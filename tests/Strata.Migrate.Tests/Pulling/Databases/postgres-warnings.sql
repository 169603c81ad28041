-- What Prisma's introspection warns about on PostgreSQL, in a comment above the model: things a schema
-- cannot declare, which migrations would need written by hand.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE "Checked" ("id" INTEGER PRIMARY KEY, "n" INTEGER CHECK ("n" > 0));
CREATE TABLE "Booking" ("id" INTEGER PRIMARY KEY, "during" TSTZRANGE, EXCLUDE USING gist ("during" WITH &&));
CREATE TABLE "Noted" ("id" INTEGER PRIMARY KEY, "note" TEXT);
COMMENT ON COLUMN "Noted"."note" IS 'what the note is for';
CREATE TABLE "Private" ("id" INTEGER PRIMARY KEY);
ALTER TABLE "Private" ENABLE ROW LEVEL SECURITY;
CREATE TABLE "Deferred" ("id" INTEGER PRIMARY KEY, "checkedId" INTEGER,
    CONSTRAINT "Deferred_checkedId_fkey" FOREIGN KEY ("checkedId") REFERENCES "Checked"("id") DEFERRABLE INITIALLY DEFERRED);
CREATE TABLE "Lowered" ("id" INTEGER PRIMARY KEY, "name" TEXT);
CREATE INDEX "lowered_name" ON "Lowered" (lower("name"));
CREATE TABLE "Measure" ("id" INTEGER NOT NULL, "at" DATE NOT NULL, "value" INTEGER CHECK ("value" >= 0), PRIMARY KEY ("id", "at")) PARTITION BY RANGE ("at");
COMMENT ON TABLE "Measure" IS 'readings by day';
CREATE TABLE "Measure_2024" PARTITION OF "Measure" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
