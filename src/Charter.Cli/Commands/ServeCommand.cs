namespace Charter.Cli.Commands;

public static class ServeCommand
{
    public static int Run(CliOptions options, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("charter: serve is not available yet");
        return ExitCodes.Usage;
    }
}
