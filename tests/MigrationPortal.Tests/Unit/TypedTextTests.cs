using System.Text;
using MigrationPortal.Web.Infrastructure.Text;

namespace MigrationPortal.Tests.Unit;

public sealed class TypedTextTests
{
    [Theory]
    [InlineData("Nord\0-Fron", false, "Nord-Fron")]
    [InlineData("a\u0001\u001F\u007F\u0080\u009Fb", false, "ab")]
    [InlineData("linje 1\r\nlinje 2\tsiste", true, "linje 1\r\nlinje 2\tsiste")]
    [InlineData("linje 1\r\nlinje 2\tsiste", false, "linje 1 linje 2 siste")]
    [InlineData("to\r\n\r\n\tlinjer", false, "to linjer")]
    [InlineData("Va\u030Aga\u030A", false, "Vågå")]
    [InlineData("שלום \u202Eمرحبا\u202C", false, "שלום \u202Eمرحبا\u202C")]
    [InlineData("👩‍💻 🇳🇴 ❤️ ŋŧđčšžá", false, "👩‍💻 🇳🇴 ❤️ ŋŧđčšžá")]
    public void Keeps_what_people_type_and_removes_what_no_one_types(string typed, bool multiline, string kept) =>
        Assert.Equal(kept, TypedText.Clean(typed, multiline));

    [Fact]
    public void Lone_surrogates_are_not_characters_and_go() =>
        Assert.Equal("ABC😀", TypedText.Clean("A\uD800B\uDC00C\uD83D\uDE00", multiline: false));

    [Theory]
    [InlineData("Name=Nord%00Fron&x=1", "Name=Nord%01Fron&x=1")]
    [InlineData("a=%%00", "a=%%01")]
    [InlineData("a=%0%000", "a=%0%010")]
    [InlineData("a=%2500", "a=%2500")]
    [InlineData("a=%0\00b", "a=%0\u00010b")]
    [InlineData("a=%\00", "a=%\u00010")]
    [InlineData("a=%", "a=%")]
    [InlineData("a=%4", "a=%4")]
    [InlineData("a=%E2%80%AE%00", "a=%E2%80%AE%01")]
    public async Task A_posted_form_has_no_nul_left_and_nothing_else_changes(string body, string expected)
    {
        foreach (var size in new[] { 1, 2, 3, 5, 4096 })
        {
            await using var stream = new WithoutNulStream(new TrickleStream(Encoding.ASCII.GetBytes(body), size));
            using var memory = new MemoryStream();
            var buffer = new byte[size];
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                memory.Write(buffer, 0, n);
            }

            Assert.Equal(expected, Encoding.ASCII.GetString(memory.ToArray()));
        }
    }

    /// <summary>Hands out its bytes a few at a time, as a network does, so an escape can be split between reads.</summary>
    private sealed class TrickleStream(byte[] bytes, int most) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, most)], cancellationToken);
    }
}
