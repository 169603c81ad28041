using System.Security.Cryptography;
using System.Text;

namespace Strata.Defaults;

/// <summary>The client-side id functions of <c>@default(...)</c>: cuid(), ulid(), nanoid(), uuid(4|7).</summary>
public static class IdGenerators
{
    private const string Base36 = "0123456789abcdefghijklmnopqrstuvwxyz";
    private const string Crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const string NanoAlphabet = "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict";
    private static int s_cuidCounter = RandomNumberGenerator.GetInt32(1_679_616);
    private static readonly string s_fingerprint = MakeFingerprint();

    /// <summary>A random (version 4) UUID in its 36-character text form.</summary>
    public static string UuidV4() => Guid.NewGuid().ToString();

    /// <summary>A time-ordered (version 7) UUID in its 36-character text form.</summary>
    public static string UuidV7() => Guid.CreateVersion7().ToString();

    /// <summary>
    /// A cuid (version 1, as Prisma's <c>cuid()</c>): 25 characters, <c>c</c> + time + counter +
    /// host fingerprint + random, all base 36, so ids sort roughly by creation time.
    /// </summary>
    public static string Cuid()
    {
        var sb = new StringBuilder("c", 25);
        sb.Append(ToBase36(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), 8));
        int counter = Interlocked.Increment(ref s_cuidCounter) % 1_679_616; // 36^4
        sb.Append(ToBase36(counter < 0 ? -counter : counter, 4));
        sb.Append(s_fingerprint);
        sb.Append(ToBase36(RandomNumberGenerator.GetInt32(int.MaxValue) % 1_679_616, 4));
        sb.Append(ToBase36(RandomNumberGenerator.GetInt32(int.MaxValue) % 1_679_616, 4));
        return sb.ToString();
    }

    /// <summary>A ULID: 26 characters of Crockford base 32, 48 bits of milliseconds then 80 random bits.</summary>
    public static string Ulid()
    {
        Span<char> chars = stackalloc char[26];
        long time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (int i = 9; i >= 0; i--)
        {
            chars[i] = Crockford[(int)(time & 31)];
            time >>= 5;
        }
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        // 80 bits as 16 groups of 5 bits.
        int bit = 0;
        for (int i = 10; i < 26; i++)
        {
            int value = 0;
            for (int b = 0; b < 5; b++, bit++)
                value = (value << 1) | ((random[bit >> 3] >> (7 - (bit & 7))) & 1);
            chars[i] = Crockford[value];
        }
        return new string(chars);
    }

    /// <summary>A nanoid of <paramref name="size"/> characters from the URL-safe alphabet (21 by default).</summary>
    public static string NanoId(int size = 21)
    {
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), size, "A nanoid has at least one character.");
        return string.Create(size, 0, static (span, _) =>
        {
            for (int i = 0; i < span.Length; i++) span[i] = NanoAlphabet[RandomNumberGenerator.GetInt32(64)];
        });
    }

    private static string ToBase36(long value, int width)
    {
        Span<char> chars = stackalloc char[16];
        int pos = chars.Length;
        do
        {
            chars[--pos] = Base36[(int)(value % 36)];
            value /= 36;
        } while (value > 0);
        var text = new string(chars[pos..]);
        return text.Length >= width ? text[^width..] : text.PadLeft(width, '0');
    }

    private static string MakeFingerprint()
    {
        int pid = Environment.ProcessId;
        int host = 0;
        foreach (char c in Environment.MachineName) host += c;
        return ToBase36(pid % 1296, 2) + ToBase36((host + Environment.MachineName.Length + 36) % 1296, 2);
    }
}
