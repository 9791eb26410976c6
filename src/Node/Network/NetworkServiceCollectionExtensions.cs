using FedChain.Node.Blobs;
using FedChain.Node.Identity;
using FedChain.Node.Membership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FedChain.Node.Network;

public static class NetworkServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="NetworkNode"/> as a singleton and as a hosted service (started and stopped
    /// with the host). The container must also provide a <see cref="NodeKey"/>, an <see cref="IMembershipView"/>
    /// and a <see cref="BlobStore"/>; a <see cref="TimeProvider"/> is optional (default: the system clock).
    /// </summary>
    public static IServiceCollection AddFedChainNetwork(this IServiceCollection services, Action<NetworkOptions> configure)
    {
        services.AddSingleton(provider =>
        {
            var options = new NetworkOptions();
            configure(options);
            return new NetworkNode(
                provider.GetRequiredService<NodeKey>(),
                provider.GetRequiredService<IMembershipView>(),
                provider.GetRequiredService<BlobStore>(),
                options,
                provider.GetService<TimeProvider>(),
                provider.GetService<ILoggerFactory>());
        });
        services.AddHostedService(provider => provider.GetRequiredService<NetworkNode>());
        return services;
    }
}
