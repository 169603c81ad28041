using Strata.Differential.Engine;
using Strata.Differential.Tests.Data;
using Strata.Differential.Tests.World;
using Xunit.Abstractions;

namespace Strata.Differential.Tests;

/// <summary>
/// Random sequences of create, nested create, update, updateMany, delete (cascading), deleteMany,
/// upsert, upsertMany (with repeated keys), nested writes in updates (a post's comments, its
/// editor, a member's posts, a member's tags) and atomic number operations run on SQLite, PostgreSQL and MariaDB and on the in-memory rows.
/// Each operation's answer (a count, the returned record, or the error code) and, after every
/// operation, the whole Post and Comment tables must equal the oracle's. STRATA_DIFF_WRITES sets
/// how many sequences (of 25 operations) run; STRATA_DIFF_SEED the seed.
/// </summary>
public class DifferentialWriteTests(ITestOutputHelper output)
{
    private static int Sequences => int.TryParse(Environment.GetEnvironmentVariable("STRATA_DIFF_WRITES"), out var n) ? n : 6;

    [Fact]
    public async Task Random_write_sequences_leave_every_provider_equal_to_the_oracle()
    {
        int operations = 0;
        for (int sequence = 0; sequence < Sequences; sequence++)
        {
            int seed = CaseSeed.Of(DifferentialReadTests.Seed, "writes", sequence);
            var data = WorldData.Generate(seed, members: 12);
            await using var sqlite = await WorldDatabase.CreateAsync(StrataProvider.Sqlite);
            await using var postgres = await WorldDatabase.CreateAsync(StrataProvider.PostgreSql);
            await using var mysql = await WorldDatabase.CreateAsync(StrataProvider.MySql);
            var databases = new[] { sqlite, postgres, mysql };
            foreach (var database in databases) await database.SeedAsync(data);
            // Each provider's own oracle rows: where one refuses a write (MySQL's full-text search) or folds
            // case otherwise (MariaDB's lower()), its rows go their own way. The writes are generated from the first.
            var oracles = databases.ToDictionary(d => d, d => d == sqlite ? data : WorldData.Generate(seed, members: 12));

            var random = new Random(seed);
            var log = new List<string>();
            for (int step = 0; step < 25; step++, operations++)
            {
                var op = WriteOp.Generate(random, data);
                log.Add(op.ToString());
                foreach (var database in databases)
                {
                    var semantics = Semantics.For(database.Provider);
                    var oracle = oracles[database];
                    var expected = semantics.RefusesSearch && op.Filter?.UsesSearch == true ? "error " + ErrorCodes.InvalidQuery : op.ApplyToOracle(oracle, semantics);
                    string actual;
                    try { actual = await op.RunAsync(database.Client); }
                    catch (StrataException e) { actual = "error " + e.Code; }
                    Assert.True(expected == actual, Report(database, log, $"answered {actual}, the oracle {expected}"));
                    var tables = await TablesAsync(database.Client);
                    Assert.True(Tables(oracle) == tables, Report(database, log, "tables differ\nexpected:\n" + Tables(oracle) + "\nactual:\n" + tables));
                }
            }
        }
        output.WriteLine($"{operations} generated writes left the three providers equal to the oracle.");
    }

    private static string Report(WorldDatabase database, List<string> log, string what) =>
        $"On {database.Provider}, after:\n  " + string.Join("\n  ", log) + "\n" + what + "\nSQL:\n  " + string.Join("\n  ", database.Log.Lines);

    private static string Tables(WorldData data) =>
        string.Join("\n", data.Posts.Select(WriteOp.Text).Order(StringComparer.Ordinal)) + "\n--\n" +
        string.Join("\n", data.Comments.Select(WriteOp.Text).Order(StringComparer.Ordinal));

    private static async Task<string> TablesAsync(WorldDb db) =>
        string.Join("\n", (await db.Posts.FindManyAsync()).Select(WriteOp.Text).Order(StringComparer.Ordinal)) + "\n--\n" +
        string.Join("\n", (await db.Comments.FindManyAsync()).Select(WriteOp.Text).Order(StringComparer.Ordinal));
}

/// <summary>One generated write: run through the client, and applied to the in-memory rows by Prisma's semantics.</summary>
public abstract record WriteOp
{
    public abstract Task<string> RunAsync(WorldDb db);

    /// <summary>Applies the write to <paramref name="data"/> and returns the answer the database must give.</summary>
    public abstract string ApplyToOracle(WorldData data, Semantics semantics);

    /// <summary>The generated filter the write takes, if any.</summary>
    public virtual Cond? Filter => null;

    public static string Text(Post p) => $"Post {p.Id} {Semantics.Format(p.Title)} {Semantics.Format(p.Body)} views={p.Views} rating={Semantics.Format(p.Rating)} {p.Published} by {p.AuthorId} ed {Semantics.Format(p.EditorId)}";

    public static string Text(Comment c) => $"Comment {c.PostId}/{c.Seq} {Semantics.Format(c.Text)} likes={c.Likes}";

    public static WriteOp Generate(Random r, WorldData data)
    {
        int postId = r.Next(1, data.Posts.Count + 4);
        int memberId = r.Next(1, data.Members.Count + 2); // sometimes one that does not exist
        string word = WorldData.Words[r.Next(WorldData.Words.Length)];
        var where = new CaseGenerator(r, data, WorldModel.Roots).Cond(WorldModel.Post, 1);
        var commentWhere = new CaseGenerator(r, data, WorldModel.Roots).Cond(WorldModel.Comment, 1);
        // A comment of the post most of the time, so that nested updates and deletes mostly find theirs.
        var seqs = data.Comments.Where(c => c.PostId == postId).Select(c => c.Seq).ToArray();
        int? Maybe(int chance) => r.Next(chance) != 0 ? null : seqs.Length > 0 && r.Next(4) != 0 ? seqs[r.Next(seqs.Length)] : r.Next(1, 6);
        int[] TagIds() => Enumerable.Range(0, r.Next(3)).Select(_ => r.Next(1, data.Tags.Count + 2)).ToArray();
        return r.Next(12) switch
        {
            11 => new NestedTagLinks(memberId, TagIds(), TagIds(), r.Next(3) == 0 ? TagIds() : null),
            9 => new NestedCommentWrites(postId, word, r.Next(1, 4), Maybe(6), Maybe(3), r.Next(3) == 0 ? commentWhere : null, Maybe(2), Maybe(2),
                Enumerable.Range(0, r.Next(3)).Select(_ => r.Next(1, 7)).ToArray(), Enumerable.Range(0, r.Next(3)).Select(_ => r.Next(1, 7)).ToArray()),
            10 => new NestedPostLinks(postId, memberId, r.Next(3)),
            8 => new UpsertManyComments(Enumerable.Range(0, r.Next(1, 6))
                .Select(_ => (r.Next(1, data.Posts.Count + 2), r.Next(1, 5), WorldData.Words[r.Next(WorldData.Words.Length)], r.Next(0, 9))).ToArray(), r.Next(3)),
            0 => new CreatePost(data.Posts.Count == 0 ? 1 : data.Posts.Max(p => p.Id) + 1, word, memberId, r.Next(0, 3)),
            1 => new UpdatePost(postId, r.Next(2) == 0 ? word : null, (NumberOperation)r.Next(4), r.Next(0, 4), r.Next(3) == 0),
            2 => new UpdateManyPosts(where, (NumberOperation)r.Next(4), r.Next(0, 3)),
            3 => new DeletePost(postId),
            4 => new DeleteManyComments(commentWhere),
            5 => new UpsertComment(postId, r.Next(1, 5), word, r.Next(1, 4)),
            6 => new CreateComment(postId, r.Next(1, 5), word),
            _ => new UpdateManyComments(commentWhere, r.Next(0, 3)),
        };
    }

    protected static long Apply(NumberOperation op, long stored, long by) => op switch
    {
        NumberOperation.Increment => stored + by,
        NumberOperation.Decrement => stored - by,
        NumberOperation.Multiply => stored * by,
        _ => by,
    };

    protected static NumberUpdate<int> Update(NumberOperation op, int by) => op switch
    {
        NumberOperation.Increment => Op.Increment(by),
        NumberOperation.Decrement => Op.Decrement(by),
        NumberOperation.Multiply => Op.Multiply(by),
        _ => by,
    };

    protected static bool Matches(WorldData data, Semantics semantics, Cond where, object row) => where.Eval(new WorldIndex(data), row, semantics) == Tri.True;
}

public sealed record CreatePost(int Id, string Title, int AuthorId, int Comments) : WriteOp
{
    public override async Task<string> RunAsync(WorldDb db) => Text(await db.Posts.CreateAsync(new PostCreate
    {
        Id = Id, Title = Title, Views = 0, Published = false, AuthorId = AuthorId,
        Comments = Comments == 0 ? null : new() { Create = Enumerable.Range(1, Comments).Select(seq => new CommentCreate { Seq = seq, Text = Title, Likes = seq }).ToList() },
    }));

    public override string ApplyToOracle(WorldData data, Semantics semantics)
    {
        if (data.Members.All(m => m.Id != AuthorId)) return "error " + ErrorCodes.ForeignKeyConstraint;
        var post = new Post { Id = Id, Title = Title, AuthorId = AuthorId };
        data.Posts.Add(post);
        for (int seq = 1; seq <= Comments; seq++) data.Comments.Add(new Comment { PostId = Id, Seq = seq, Text = Title, Likes = seq });
        return Text(post);
    }
}

public sealed record UpdatePost(int Id, string? Title, NumberOperation Views, int By, bool ClearRating) : WriteOp
{
    public override async Task<string> RunAsync(WorldDb db)
    {
        var update = new PostUpdate { Views = Update(Views, By) };
        if (Title != null) update.Title = Title;
        if (ClearRating) update.Rating = null;
        return Text(await db.Posts.UpdateAsync(u => u.Id == Id, update));
    }

    public override string ApplyToOracle(WorldData data, Semantics semantics)
    {
        var post = data.Posts.FirstOrDefault(p => p.Id == Id);
        if (post == null) return "error " + ErrorCodes.RecordNotFound;
        post.Views = (int)Apply(Views, post.Views, By);
        if (Title != null) post.Title = Title;
        if (ClearRating) post.Rating = null;
        return Text(post);
    }
}

public sealed record UpdateManyPosts(Cond Where, NumberOperation Views, int By) : WriteOp
{
    public override Cond? Filter => Where;

    public override async Task<string> RunAsync(WorldDb db) =>
        (await db.Posts.Where(w => Where.Build(w)).UpdateManyAsync(new PostUpdate { Views = Update(Views, By), Published = true })).ToString();

    public override string ApplyToOracle(WorldData data, Semantics semantics)
    {
        var matched = data.Posts.Where(p => Matches(data, semantics, Where, p)).ToList();
        foreach (var p in matched)
        {
            p.Views = (int)Apply(Views, p.Views, By);
            p.Published = true;
        }
        return matched.Count.ToString();
    }
}

public sealed record DeletePost(int Id) : WriteOp
{
    public override async Task<string> RunAsync(WorldDb db) => Text(await db.Posts.DeleteAsync(u => u.Id == Id));

    public override string ApplyToOracle(WorldData data, Semantics semantics)
    {
        var post = data.Posts.FirstOrDefault(p => p.Id == Id);
        if (post == null) return "error " + ErrorCodes.RecordNotFound;
        data.Posts.Remove(post);
        data.Comments.RemoveAll(c => c.PostId == Id); // onDelete: Cascade
        return Text(post);
    }
}

public sealed record DeleteManyComments(Cond Where) : WriteOp
{
    public override Cond? Filter => Where;

    public override async Task<string> RunAsync(WorldDb db) => (await db.Comments.Where(w => Where.Build(w)).DeleteManyAsync()).ToString();

    public override string ApplyToOracle(WorldData data, Semantics semantics) => data.Comments.RemoveAll(c => Matches(data, semantics, Where, c)).ToString();
}

public sealed record UpdateManyComments(Cond Where, int By) : WriteOp
{
    public override Cond? Filter => Where;

    public override async Task<string> RunAsync(WorldDb db) =>
        (await db.Comments.Where(w => Where.Build(w)).UpdateManyAsync(new CommentUpdate { Likes = Op.Increment(By) })).ToString();

    public override string ApplyToOracle(WorldData data, Semantics semantics)
    {
        var matched = data.Comments.Where(c => Matches(data, semantics, Where, c)).ToList();
        foreach (var c in matched) c.Likes += By;
        return matched.Count.ToString();
    }
}

public sealed record UpsertComment(int PostId, int Seq, string Content, int By) : WriteOp
{
    public override async Task<string> RunAsync(WorldDb db) => Text(await db.Comments.UpsertAsync(u => u.PostIdSeq(PostId, Seq),
        new CommentCreate { PostId = PostId, Seq = Seq, Text = Content, Likes = 0 }, new CommentUpdate { Likes = Op.Increment(By) }));

    public override string ApplyToOracle(WorldData data, Semantics semantics)
    {
        var comment = data.Comments.FirstOrDefault(c => c.PostId == PostId && c.Seq == Seq);
        if (comment != null)
        {
            comment.Likes += By;
            return Text(comment);
        }
        if (data.Posts.All(p => p.Id != PostId)) return "error " + ErrorCodes.ForeignKeyConstraint;
        comment = new Comment { PostId = PostId, Seq = Seq, Text = Content, Likes = 0 };
        data.Comments.Add(comment);
        return Text(comment);
    }
}

public sealed record CreateComment(int PostId, int Seq, string Content) : WriteOp
{
    public override async Task<string> RunAsync(WorldDb db) => Text(await db.Comments.CreateAsync(new CommentCreate { PostId = PostId, Seq = Seq, Text = Content, Likes = 1 }));

    public override string ApplyToOracle(WorldData data, Semantics semantics)
    {
        if (data.Comments.Any(c => c.PostId == PostId && c.Seq == Seq)) return "error " + ErrorCodes.UniqueConstraint;
        if (data.Posts.All(p => p.Id != PostId)) return "error " + ErrorCodes.ForeignKeyConstraint;
        var comment = new Comment { PostId = PostId, Seq = Seq, Text = Content, Likes = 1 };
        data.Comments.Add(comment);
        return Text(comment);
    }
}

/// <summary>
/// UpsertMany of comments on their compound id, a conflict updating every field each record sets
/// (mode 0), only the likes (1), or adding the record's likes to the stored ones (2, an atomic
/// operation); records with one key apply in order.
/// </summary>
public sealed record UpsertManyComments((int PostId, int Seq, string Text, int Likes)[] Rows, int Mode) : WriteOp
{
    public override async Task<string> RunAsync(WorldDb db)
    {
        var data = Rows.Select(c => new CommentCreate { PostId = c.PostId, Seq = c.Seq, Text = c.Text, Likes = c.Likes });
        int written = Mode switch
        {
            0 => await db.Comments.UpsertManyAsync(data),
            1 => await db.Comments.UpsertManyAsync(data, update: f => [f.Likes]),
            _ => await db.Comments.UpsertManyAsync(data, on: null, onConflict: new CommentUpdate { Likes = Op.Increment(3) }),
        };
        return written.ToString();
    }

    public override string ApplyToOracle(WorldData data, Semantics semantics)
    {
        // A record of a post that does not exist fails its statement, and the whole call rolls back.
        if (Rows.Any(c => data.Posts.All(p => p.Id != c.PostId))) return "error " + ErrorCodes.ForeignKeyConstraint;
        foreach (var (postId, seq, text, likes) in Rows)
        {
            var comment = data.Comments.FirstOrDefault(c => c.PostId == postId && c.Seq == seq);
            if (comment == null) data.Comments.Add(new Comment { PostId = postId, Seq = seq, Text = text, Likes = likes });
            else if (Mode == 2) comment.Likes += 3;
            else
            {
                if (Mode == 0) comment.Text = text;
                comment.Likes = likes;
            }
        }
        return Rows.Length.ToString();
    }

    public override string ToString() => $"UpsertManyComments [{string.Join(", ", Rows.Select(c => $"{c.PostId}/{c.Seq} {c.Text} {c.Likes}"))}] mode={Mode}";
}

/// <summary>
/// An update of a post that writes only its comments (a one-to-many list whose foreign key is
/// required), each operation at most once, in the documented order: disconnect (P2014 when the
/// comment is the post's), delete, deleteMany, update, upsert, create, createMany. Any failure
/// rolls the whole update back.
/// </summary>
public sealed record NestedCommentWrites(int PostId, string Word, int By, int? Disconnect, int? Delete, Cond? DeleteMany, int? UpdateSeq, int? Upsert, int[] Create, int[] CreateMany) : WriteOp
{
    public override Cond? Filter => DeleteMany;

    public override async Task<string> RunAsync(WorldDb db)
    {
        var comments = new NestedOneToManyUpdate<CommentCreate, CommentUpdate, CommentUnique, CommentWhere>
        {
            Disconnect = Disconnect is { } d ? [c => c.PostIdSeq(PostId, d)] : [],
            Delete = Delete is { } x ? [c => c.PostIdSeq(PostId, x)] : [],
            DeleteMany = DeleteMany is { } where ? [w => where.Build(w)] : [],
            Update = UpdateSeq is { } u ? [new() { Where = c => c.PostIdSeq(PostId, u), Data = new CommentUpdate { Likes = Op.Increment(By) } }] : [],
            Upsert = Upsert is { } s ? [new() { Where = c => c.PostIdSeq(PostId, s), Create = new CommentCreate { Seq = s, Text = Word, Likes = 0 }, Update = new CommentUpdate { Likes = Op.Increment(By) } }] : [],
            Create = Create.Select(seq => new CommentCreate { Seq = seq, Text = Word, Likes = 1 }).ToList(),
            CreateMany = CreateMany.Length == 0 ? null : new() { Data = CreateMany.Select(seq => new CommentCreate { Seq = seq, Text = Word, Likes = 2 }).ToList() },
        };
        return Text(await db.Posts.UpdateAsync(p => p.Id == PostId, new PostUpdate { Comments = comments }));
    }

    public override string ApplyToOracle(WorldData data, Semantics semantics)
    {
        var post = data.Posts.FirstOrDefault(p => p.Id == PostId);
        if (post == null) return "error " + ErrorCodes.RecordNotFound;
        var before = data.Comments.Select(c => new Comment { PostId = c.PostId, Seq = c.Seq, Text = c.Text, Likes = c.Likes }).ToList();
        var error = Apply(data, semantics);
        if (error == null) return Text(post);
        data.Comments.Clear();
        data.Comments.AddRange(before);
        return "error " + error;
    }

    private string? Apply(WorldData data, Semantics semantics)
    {
        Comment? Find(int seq) => data.Comments.FirstOrDefault(c => c.PostId == PostId && c.Seq == seq);
        if (Disconnect is { } d && Find(d) != null) return ErrorCodes.RequiredRelation;
        if (Delete is { } x)
        {
            if (Find(x) is not { } deleted) return ErrorCodes.RecordNotFound;
            data.Comments.Remove(deleted);
        }
        if (DeleteMany is { } where)
        {
            var matched = data.Comments.Where(c => c.PostId == PostId && Matches(data, semantics, where, c)).ToList();
            data.Comments.RemoveAll(matched.Contains);
        }
        if (UpdateSeq is { } u)
        {
            if (Find(u) is not { } updated) return ErrorCodes.RecordNotFound;
            updated.Likes += By;
        }
        if (Upsert is { } s)
        {
            if (Find(s) is { } found) found.Likes += By;
            else data.Comments.Add(new Comment { PostId = PostId, Seq = s, Text = Word, Likes = 0 });
        }
        foreach (var (seqs, likes) in new[] { (Create, 1), (CreateMany, 2) })
        {
            foreach (var seq in seqs)
            {
                if (Find(seq) != null) return ErrorCodes.UniqueConstraint;
                data.Comments.Add(new Comment { PostId = PostId, Seq = seq, Text = Word, Likes = likes });
            }
        }
        return null;
    }

    public override string ToString() =>
        $"NestedCommentWrites post {PostId} word {Word} by {By}: disconnect {Disconnect} delete {Delete} deleteMany {DeleteMany?.ToString() ?? "-"} update {UpdateSeq} upsert {Upsert} create [{string.Join(",", Create)}] createMany [{string.Join(",", CreateMany)}]";
}

/// <summary>
/// Nested writes that move foreign keys: a post's optional editor connected or disconnected, or a
/// post connected to a member's list of posts (its author changes).
/// </summary>
public sealed record NestedPostLinks(int PostId, int MemberId, int Kind) : WriteOp
{
    public override async Task<string> RunAsync(WorldDb db) => Kind switch
    {
        0 => Text(await db.Posts.UpdateAsync(p => p.Id == PostId, new PostUpdate { Editor = new() { Connect = m => m.Id == MemberId } })),
        1 => Text(await db.Posts.UpdateAsync(p => p.Id == PostId, new PostUpdate { Editor = new() { Disconnect = true } })),
        _ => (await db.Members.UpdateAsync(m => m.Id == MemberId, new MemberUpdate { Posts = new() { Connect = [p => p.Id == PostId] } })).Id.ToString(),
    };

    public override string ApplyToOracle(WorldData data, Semantics semantics)
    {
        var post = data.Posts.FirstOrDefault(p => p.Id == PostId);
        bool memberExists = data.Members.Any(m => m.Id == MemberId);
        switch (Kind)
        {
            case 0:
                if (post == null || !memberExists) return "error " + ErrorCodes.RecordNotFound;
                post.EditorId = MemberId;
                return Text(post);
            case 1:
                if (post == null) return "error " + ErrorCodes.RecordNotFound;
                post.EditorId = null;
                return Text(post);
            default:
                if (!memberExists || post == null) return "error " + ErrorCodes.RecordNotFound;
                post.AuthorId = MemberId;
                return MemberId.ToString();
        }
    }
}

/// <summary>
/// A member's many-to-many tags changed by nested disconnect, set and connect (in that order); the
/// answer is the member's tags after, read back through an include.
/// </summary>
public sealed record NestedTagLinks(int MemberId, int[] Connect, int[] Disconnect, int[]? Set) : WriteOp
{
    public override async Task<string> RunAsync(WorldDb db)
    {
        static List<Func<TagUnique, UniqueFilter>> ById(int[] ids) => ids.Select(id => (Func<TagUnique, UniqueFilter>)(t => t.Id == id)).ToList();
        var member = await db.Members.Include(m => m.Tags).UpdateAsync(m => m.Id == MemberId, new MemberUpdate
        {
            Tags = new() { Connect = ById(Connect), Disconnect = ById(Disconnect), Set = Set == null ? null : ById(Set) },
        });
        return string.Join(",", member.Tags!.Select(t => t.Id).Order());
    }

    public override string ApplyToOracle(WorldData data, Semantics semantics)
    {
        if (data.Members.All(m => m.Id != MemberId)) return "error " + ErrorCodes.RecordNotFound;
        var before = data.MemberTags.ToList();
        var links = data.MemberTags;
        links.RemoveAll(l => l.Member == MemberId && Disconnect.Contains(l.Tag));
        if (Set != null) links.RemoveAll(l => l.Member == MemberId && !Set.Contains(l.Tag));
        foreach (var tag in (Set ?? []).Concat(Connect))
        {
            if (data.Tags.All(t => t.Id != tag))
            {
                links.Clear();
                links.AddRange(before);
                return "error " + ErrorCodes.RecordNotFound;
            }
            if (!links.Contains((MemberId, tag))) links.Add((MemberId, tag));
        }
        return string.Join(",", links.Where(l => l.Member == MemberId).Select(l => l.Tag).Order());
    }

    public override string ToString() =>
        $"NestedTagLinks member {MemberId}: disconnect [{string.Join(",", Disconnect)}] set {(Set == null ? "-" : "[" + string.Join(",", Set) + "]")} connect [{string.Join(",", Connect)}]";
}
