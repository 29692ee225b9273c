namespace Charter.Tests.Support;

/// <summary>The test hosts run as tests/test.runsettings says (it says why).</summary>
public sealed class TestHostTests
{
    [Fact]
    public void The_test_host_runs_without_the_JIT_s_conditional_escape_analysis() =>
        Assert.Equal("0", Environment.GetEnvironmentVariable("DOTNET_JitObjectStackAllocationConditionalEscape"));
}
