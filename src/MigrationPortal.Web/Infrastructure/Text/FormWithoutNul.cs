using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace MigrationPortal.Web.Infrastructure.Text;

/// <summary>
/// The one place every posted form is cleaned, before antiforgery, model binding or anything else reads it.
/// ASP.NET Core's form reader refuses a form holding a NUL ("%00") outright, so the antiforgery check could not read its
/// token and the whole form was lost to a bare 400: every NUL of a URL-encoded body becomes U+0001 as the body is read
/// (<see cref="WithoutNulStream"/>), and every value then loses its control characters (<see cref="TypedText.Clean"/>,
/// line breaks and tabs kept: <see cref="TypedTextModelBinder"/> turns them into spaces where a field is single-line).
/// So a number, a date or a choice with a stray control character reads as what the person sees.
/// </summary>
public static class FormWithoutNul
{
    public static IApplicationBuilder UseFormsWithoutNul(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                context.Request.Body = new WithoutNulStream(context.Request.Body);
                try
                {
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    // Two names that differ only by a control character become one name with both values.
                    context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(form
                        .GroupBy(f => TypedText.Clean(f.Key, multiline: false), StringComparer.OrdinalIgnoreCase)
                        .ToDictionary(
                            g => g.Key,
                            g => new StringValues(g.SelectMany(f => f.Value).Select(v => v is null ? null : TypedText.Clean(v, multiline: true)).ToArray()),
                            StringComparer.OrdinalIgnoreCase))));
                }
                catch (InvalidDataException)
                {
                    // Over the form limits (too many fields, a value over 4 MB): the framework answers as it always has.
                }
            }

            await next(context);
        });
}

/// <summary>
/// A URL-encoded body in which "%00" reads "%01" and a raw 0 byte a raw 1 byte. Replacing in place (rather than
/// removing) keeps every other escape exactly as the form reader parses it: taking "%00" out of "%0%000" would make a new
/// "%00". Escapes are followed across reads, as the form reader parses them: a '%' starts one only before two hex digits.
/// </summary>
public sealed class WithoutNulStream(Stream inner) : Stream
{
    /// <summary>0: outside an escape; 1: after '%'; 2: after '%' and a first hex digit.</summary>
    private int state;
    private bool firstWasZero;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Replace(buffer[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        Replace(buffer.Span[..n]);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Replace(Span<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == 0)
            {
                bytes[i] = 1;
            }

            var b = (char)bytes[i];
            switch (state)
            {
                case 1 when Uri.IsHexDigit(b):
                    firstWasZero = b == '0';
                    state = 2;
                    break;
                case 2 when Uri.IsHexDigit(b):
                    if (firstWasZero && b == '0')
                    {
                        bytes[i] = (byte)'1';
                    }

                    state = 0;
                    break;
                default:
                    state = b == '%' ? 1 : 0;
                    break;
            }
        }
    }
}
