using FedChain.Contracts.Chain;
using Xunit;

namespace FedChain.TestSupport;

/// <summary>A real anvil on a free loopback port, shared by the tests of one class or collection.</summary>
public sealed class AnvilFixture : IAsyncLifetime
{
    private AnvilProcess? _anvil;

    public AnvilProcess Anvil => _anvil ?? throw new InvalidOperationException("anvil has not started");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _anvil = await AnvilProcess.StartAsync(ct: timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_anvil is not null) await _anvil.DisposeAsync();
    }
}
