-- Edge cases of db pull on PostgreSQL: identity keys, types without length or precision, array and literal defaults,
-- relations named from their columns, two join tables between the same models, GiST and BRIN indexes.
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
CREATE TABLE "Post" ("id" BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "slug" VARCHAR NOT NULL, "n" NUMERIC, "t0" TIMESTAMP(0), "tz" TIMETZ,
  "roles" "Role"[] DEFAULT ARRAY['USER']::"Role"[], "words" TEXT[] DEFAULT '{"a b",c}', "neg" INTEGER DEFAULT -5, "f" DOUBLE PRECISION DEFAULT 1e3,
  "off" BOOLEAN DEFAULT false, "q" TEXT DEFAULT 'it''s "q" \ ok', "j" JSONB DEFAULT '[]', "b" BYTEA DEFAULT '\x01ff', "d" DATE DEFAULT CURRENT_DATE,
  "u" UUID, "c" CHAR, "vc" VARCHAR(10)[],
  CONSTRAINT "post_slug_unique" UNIQUE ("slug"));
CREATE TABLE "User" ("id" SERIAL PRIMARY KEY, "Post" BIGINT REFERENCES "Post"("id") ON DELETE SET DEFAULT, "email" TEXT, "_secret" TEXT, "my col" INTEGER,
  "postSlug" VARCHAR REFERENCES "Post"("slug") ON UPDATE RESTRICT);
CREATE UNIQUE INDEX "User_email_key" ON "User"("email" DESC);
CREATE TABLE "Profile" ("a" INTEGER NOT NULL, "b" INTEGER NOT NULL, "userId" INTEGER NOT NULL REFERENCES "User"("id"), PRIMARY KEY ("a", "b"), UNIQUE ("userId"));
CREATE TABLE "Tag" ("id" SERIAL PRIMARY KEY);
CREATE TABLE "_PostToTag" ("A" BIGINT NOT NULL REFERENCES "Post"("id") ON DELETE CASCADE, "B" INTEGER NOT NULL REFERENCES "Tag"("id") ON DELETE CASCADE, CONSTRAINT "_PostToTag_AB_pkey" PRIMARY KEY ("A", "B"));
CREATE INDEX ON "_PostToTag"("B");
CREATE TABLE "_pinned" ("A" BIGINT NOT NULL REFERENCES "Post"("id") ON DELETE CASCADE, "B" INTEGER NOT NULL REFERENCES "Tag"("id") ON DELETE CASCADE, CONSTRAINT "_pinned_AB_pkey" PRIMARY KEY ("A", "B"));
CREATE INDEX ON "_pinned"("B");
CREATE TABLE "Spot" ("id" INTEGER PRIMARY KEY, "box" BOX, "at" TIMESTAMPTZ, "n" INT4);
CREATE INDEX "spot_box" ON "Spot" USING GIST ("box");
CREATE INDEX "spot_at" ON "Spot" USING BRIN ("at" timestamptz_minmax_ops);
CREATE INDEX "spot_n" ON "Spot" USING BRIN ("n");
CREATE TABLE "lower_case" ("ID" INTEGER PRIMARY KEY, "Value" TEXT);
