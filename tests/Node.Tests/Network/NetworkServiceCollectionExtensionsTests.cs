using System.Net;
using FedChain.Node.Blobs;
using FedChain.Node.Identity;
using FedChain.Node.Membership;
using FedChain.Node.Network;
using FedChain.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FedChain.Node.Tests.Network;

public sealed class NetworkServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddFedChainNetwork_InAHost_StartsListeningAndStopsWithIt()
    {
        using var folder = new TempDirectory();
        using var key = NodeKey.Generate();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(key);
        builder.Services.AddSingleton<IMembershipView>(new InMemoryMembership([new Member(key.Address, null)]));
        builder.Services.AddSingleton(_ => BlobStore.Open(folder.Path));
        builder.Services.AddFedChainNetwork(o => o.Listen = new IPEndPoint(IPAddress.Loopback, 0));
        using var host = builder.Build();

        await host.StartAsync();
        var sut = host.Services.GetRequiredService<NetworkNode>();
        Assert.Equal(key.Address, sut.Address);
        Assert.NotEqual(0, sut.ListenEndPoint!.Port);
        await host.StopAsync();
    }
}
