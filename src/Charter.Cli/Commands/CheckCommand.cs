namespace Charter.Cli.Commands;

public static class CheckCommand
{
    public static int Run(CliOptions options, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("charter: check is not available yet");
        return ExitCodes.Usage;
    }
}
