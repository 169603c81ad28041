-- What db pull must read on PostgreSQL, written by hand as a database may have it.
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN', 'super-user');
CREATE TYPE "order status" AS ENUM ('new', 'shipped');
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE "Account" (
    "id" SERIAL PRIMARY KEY,
    "email" citext NOT NULL,
    "name" VARCHAR(120),
    "code" CHAR(4) NOT NULL DEFAULT 'ABCD',
    "role" "Role" NOT NULL DEFAULT 'USER',
    "roles" "Role"[],
    "tags" TEXT[] NOT NULL DEFAULT ARRAY['a', 'b']::TEXT[],
    "scores" INTEGER[] DEFAULT '{1,2}',
    "balance" DECIMAL(12, 2) NOT NULL DEFAULT 0.5,
    "exact" DECIMAL(65, 30),
    "ratio" DOUBLE PRECISION DEFAULT 1.5,
    "small" SMALLINT DEFAULT 3,
    "big" BIGINT NOT NULL DEFAULT 9007199254740993,
    "real" REAL,
    "flag" BOOLEAN NOT NULL DEFAULT true,
    "data" JSONB DEFAULT '{"a": 1}',
    "plain" JSON,
    "blob" BYTEA,
    "uid" UUID NOT NULL DEFAULT gen_random_uuid(),
    "born" DATE,
    "at" TIME(2),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMPTZ(6) DEFAULT now(),
    "plainTs" TIMESTAMP,
    "ip" INET,
    "doc" XML,
    "bits" BIT(3),
    "vbits" VARBIT(8),
    "money" MONEY,
    "spot" POINT,
    "range" INT4RANGE,
    "expr" TEXT DEFAULT lower('X')
);
CREATE UNIQUE INDEX "Account_email_key" ON "Account"("email");
CREATE INDEX "Account_name_createdAt_idx" ON "Account"("name" DESC, "createdAt");
CREATE INDEX "account_data_gin" ON "Account" USING GIN ("data" jsonb_path_ops);
CREATE INDEX "Account_tags_idx" ON "Account" USING GIN ("tags");
CREATE INDEX "Account_uid_idx" ON "Account" USING HASH ("uid");
CREATE INDEX "account_name_lower" ON "Account" (lower("name"));
CREATE INDEX "account_partial" ON "Account" ("name") WHERE "flag";

CREATE TABLE "order" (
    "shop" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "order status" NOT NULL DEFAULT 'new',
    "accountId" INTEGER,
    "2nd name" TEXT,
    CONSTRAINT "order_pkey" PRIMARY KEY ("shop", "number"),
    CONSTRAINT "order_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "OrderLine" (
    "id" BIGSERIAL NOT NULL,
    "shop" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "parentId" BIGINT,
    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "line_order" FOREIGN KEY ("shop", "number") REFERENCES "order"("shop", "number") ON DELETE CASCADE ON UPDATE NO ACTION,
    CONSTRAINT "OrderLine_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "OrderLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "OrderLine_shop_number_key" ON "OrderLine"("shop", "number");

CREATE TABLE "Person" (
    "id" INTEGER NOT NULL,
    "mentorId" INTEGER,
    "buddyId" INTEGER,
    CONSTRAINT "person_pk" PRIMARY KEY ("id"),
    CONSTRAINT "Person_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Person_buddyId_fkey" FOREIGN KEY ("buddyId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Person_buddyId_key" ON "Person"("buddyId");

CREATE TABLE "Tag" ("id" TEXT NOT NULL PRIMARY KEY, "label" TEXT NOT NULL);
CREATE TABLE "_AccountToTag" ("A" INTEGER NOT NULL, "B" TEXT NOT NULL,
    CONSTRAINT "_AccountToTag_AB_pkey" PRIMARY KEY ("A", "B"),
    CONSTRAINT "_AccountToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_AccountToTag_B_fkey" FOREIGN KEY ("B") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE);
CREATE INDEX "_AccountToTag_B_index" ON "_AccountToTag"("B");
CREATE TABLE "_friends" ("A" INTEGER NOT NULL, "B" INTEGER NOT NULL,
    CONSTRAINT "_friends_AB_pkey" PRIMARY KEY ("A", "B"),
    CONSTRAINT "_friends_A_fkey" FOREIGN KEY ("A") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_friends_B_fkey" FOREIGN KEY ("B") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE);
CREATE INDEX "_friends_B_index" ON "_friends"("B");

CREATE TABLE "log" ("message" TEXT, "at" TIMESTAMP(3));
CREATE VIEW "AccountNames" AS SELECT "id", "name" FROM "Account";
