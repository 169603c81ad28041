-- What db pull must read on SQLite, written by hand as a database may have it.
CREATE TABLE "Account" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "flag" BOOLEAN NOT NULL DEFAULT true,
    "count" INTEGER NOT NULL DEFAULT 0,
    "big" BIGINT DEFAULT 12,
    "ratio" REAL DEFAULT 1.5,
    "price" DECIMAL NOT NULL DEFAULT 2.25,
    "born" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "data" JSONB,
    "blob" BLOB,
    "note" TEXT DEFAULT 'it''s',
    "odd" VARCHAR(20),
    "expr" TEXT DEFAULT (lower('X'))
);
CREATE UNIQUE INDEX "Account_email_key" ON "Account"("email");
CREATE INDEX "Account_name_createdAt_idx" ON "Account"("name" DESC, "createdAt");
CREATE INDEX "account_lower" ON "Account"(lower("name"));
CREATE INDEX "account_partial" ON "Account"("name") WHERE "flag";

CREATE TABLE "order" (
    "shop" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "accountId" INTEGER,
    "2nd name" TEXT,
    PRIMARY KEY ("shop", "number"),
    CONSTRAINT "order_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "OrderLine" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "shop" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "parentId" INTEGER,
    CONSTRAINT "line_order" FOREIGN KEY ("shop", "number") REFERENCES "order" ("shop", "number") ON DELETE CASCADE ON UPDATE NO ACTION,
    CONSTRAINT "OrderLine_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "OrderLine" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "OrderLine_shop_number_key" ON "OrderLine"("shop", "number");

CREATE TABLE "Person" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "mentorId" INTEGER,
    "buddyId" INTEGER,
    CONSTRAINT "Person_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Person_buddyId_fkey" FOREIGN KEY ("buddyId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "Person_buddyId_key" ON "Person"("buddyId");

CREATE TABLE "Tag" ("id" TEXT NOT NULL PRIMARY KEY, "label" TEXT NOT NULL);
CREATE TABLE "_AccountToTag" ("A" INTEGER NOT NULL, "B" TEXT NOT NULL,
    CONSTRAINT "_AccountToTag_A_fkey" FOREIGN KEY ("A") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_AccountToTag_B_fkey" FOREIGN KEY ("B") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE);
CREATE UNIQUE INDEX "_AccountToTag_AB_unique" ON "_AccountToTag"("A", "B");
CREATE INDEX "_AccountToTag_B_index" ON "_AccountToTag"("B");

CREATE TABLE "log" ("message" TEXT, "at" DATETIME);
CREATE VIEW "AccountNames" AS SELECT "id", "name" FROM "Account";
