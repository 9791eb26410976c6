namespace FedChain.Contracts.Tests.Support;

/// <summary>Base for tests on the shared consortium: each test starts from the freshly deployed state.</summary>
public abstract class ConsortiumTests(ConsortiumFixture fixture) : IClassFixture<ConsortiumFixture>, IAsyncLifetime
{
    protected ConsortiumFixture Fx => fixture;

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
