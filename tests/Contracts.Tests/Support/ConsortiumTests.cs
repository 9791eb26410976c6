namespace FedChain.Contracts.Tests.Support;

/// <summary>Base for tests on the shared consortium: each test starts from the freshly deployed state.</summary>
public abstract class ConsortiumTests(ConsortiumFixture fx) : IClassFixture<ConsortiumFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => fx.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
