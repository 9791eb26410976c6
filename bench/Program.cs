using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FedChain.Bench;

/// <summary>Micro-benchmarks of the hot paths: dotnet run -c Release --project bench -- --filter '*'</summary>
internal static class BenchMain
{
    // Short runs by default (a shared 2-core machine). In-process: the out-of-process toolchain rebuilds the project by a name it guesses from the
    // assembly (FedChain.Bench), which the fixed layout (bench/Bench.csproj) does not match.
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchMain).Assembly)
        .Run(args, DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).AsDefault()));
}
