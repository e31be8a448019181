using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KneeSpine.Web.Tests.Infrastructure;

/// <summary>Keeps every message the app logs (at the test's level, warnings and above), so a test can check what an operator would read.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._messages.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{Causes(exception)}");

        // The exception's types and messages, outermost first (no stack), so a failing test can say what was thrown.
        private static string Causes(Exception? exception)
        {
            var causes = new List<string>();
            for (var e = exception; e is not null; e = e.InnerException)
            {
                causes.Add($"{e.GetType().FullName}: {e.Message}");
            }

            return causes.Count == 0 ? "" : " [" + string.Join(" <- ", causes) + "]";
        }
    }
}
