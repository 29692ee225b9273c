namespace Charter.Tests.Support;

/// <summary>
/// Tests that set a variable of the process's environment (SOURCE_DATE_EPOCH), or read what one would change, run
/// alone: a variable set for one test is seen by every build running at the same time in other tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "process environment";
}
