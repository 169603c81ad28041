-- Edge cases of db pull on SQLite: row-id keys, type names read by what they hold, literal defaults, UNIQUE
-- written in CREATE TABLE, relations named from their columns, a compound foreign key, a WITHOUT ROWID table.
CREATE TABLE "Post" ("id" INTEGER PRIMARY KEY, "slug" TEXT NOT NULL UNIQUE, "n" DECIMAL(10,2) DEFAULT 1.50, "neg" INTEGER DEFAULT -5,
  "off" BOOLEAN DEFAULT 0, "on" BOOLEAN NOT NULL DEFAULT 1, "q" TEXT DEFAULT 'it''s "q" \ ok', "at" DATETIME DEFAULT (datetime('now')),
  "stamp" TIMESTAMP, "i" INT, "weird" MONEY, "f" FLOAT DEFAULT 2, "big" BIGINT DEFAULT 'x', "nvc" NVARCHAR(40), "dq" TEXT DEFAULT "dq");
CREATE TABLE "User" ("id" TEXT NOT NULL PRIMARY KEY, "Post" INTEGER REFERENCES "Post"("id") ON DELETE SET DEFAULT, "email" TEXT,
  "_secret" TEXT, "my col" INTEGER, "postSlug" TEXT REFERENCES "Post"("slug") ON UPDATE RESTRICT);
CREATE UNIQUE INDEX "User_email_key" ON "User"("email" DESC);
CREATE TABLE "Profile" ("a" INTEGER NOT NULL, "b" INTEGER NOT NULL, "userId" TEXT NOT NULL REFERENCES "User"("id"), PRIMARY KEY ("a", "b"), UNIQUE ("userId"));
CREATE TABLE "Line" ("a" INTEGER NOT NULL, "b" INTEGER NOT NULL, "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
  FOREIGN KEY ("a", "b") REFERENCES "Profile"("a", "b") ON DELETE CASCADE);
CREATE TABLE "Tag" ("id" INTEGER NOT NULL PRIMARY KEY);
CREATE TABLE "_pinned" ("A" INTEGER NOT NULL REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE, "B" INTEGER NOT NULL REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE);
CREATE UNIQUE INDEX "_pinned_AB_unique" ON "_pinned"("A", "B");
CREATE INDEX "_pinned_B_index" ON "_pinned"("B");
CREATE TABLE "lower_case" ("ID" BIGINT PRIMARY KEY, "Value" TEXT) WITHOUT ROWID;
