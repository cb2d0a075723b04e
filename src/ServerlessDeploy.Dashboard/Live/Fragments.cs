using System.Text.Encodings.Web;
using RazorSlices;

namespace ServerlessDeploy.Dashboard.Live;

/// <summary>A slice rendered alone to text, HTML-encoded as a page is, for a live stream to send.</summary>
internal static class Fragments
{
    public static async Task<string> RenderAsync(RazorSlice slice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slice);
        using var writer = new StringWriter();
        await slice.RenderAsync(writer, HtmlEncoder.Default, cancellationToken);
        return writer.ToString();
    }
}
