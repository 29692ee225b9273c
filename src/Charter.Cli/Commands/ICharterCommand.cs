using System.CommandLine;

namespace Charter.Cli.Commands;

/// <summary>
/// One command of <c>charter</c>. <see cref="Describe"/> returns it as System.CommandLine sees it: its name, a
/// one-line description (the help lists it), its options, validators for whatever is a usage error (they run
/// before the action, so nothing is read or written when one fails) and its action, which writes only to
/// <c>parse.InvocationConfiguration.Output</c> and <c>.Error</c> and returns one of <see cref="ExitCodes"/>.
/// Each call returns new objects: a command line is built anew for every <see cref="CommandLine.Run"/>.
/// </summary>
public interface ICharterCommand
{
    Command Describe();
}
