namespace DeinstGateway.Cli.Hosting;

/// <summary>A wrong command line, setting or file, found before anything is sent; its message is for the user.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The gateway refused because the thing changed meanwhile; the message says what it is now.</summary>
public sealed class ChangedMeanwhileException(string message) : Exception(message);
