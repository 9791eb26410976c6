using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FedChain.Contracts.Tests.Support;

/// <summary>Keeps every log entry's event id and message, to assert on what the code under test reported.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(int EventId, string Message)> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Enqueue((eventId.Id, formatter(state, exception)));
}
