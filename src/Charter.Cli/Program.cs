using Charter.Cli;

// charter build | check | serve — see README.md and `charter --help`. Exit codes: 0 success, 1 content errors, 2 usage errors.
return CommandLine.Run(args, Console.Out, Console.Error);
