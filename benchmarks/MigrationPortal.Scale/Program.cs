namespace MigrationPortal.Scale;

/// <summary>Fills a database with the scale data set of issue 10 (see README.md).</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = ScaleOptions.Parse(args, Console.Error);
        if (options is null)
        {
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var result = await ScaleGenerator.RunAsync(options, Console.Out, cancel.Token);
        Console.Out.WriteLine(ScaleResult.Describe(result));
        Console.Out.WriteLine($"Written: {options.JsonFile}");
        return 0;
    }
}
