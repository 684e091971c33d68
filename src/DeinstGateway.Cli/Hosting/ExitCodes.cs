namespace DeinstGateway.Cli.Hosting;

/// <summary>What <c>deinst</c> tells the shell; the README lists the same table.</summary>
public static class ExitCodes
{
    /// <summary>Everything asked was done.</summary>
    public const int Ok = 0;

    /// <summary>An import ran to its end but some rows were not taken (see the rejects file).</summary>
    public const int SomeRowsRejected = 1;

    /// <summary>The command line, a setting or an input file is wrong; nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>The gateway cannot be reached or does not accept the certificate.</summary>
    public const int Unreachable = 3;

    /// <summary>The gateway refused the request (not found, not allowed, invalid, changed meanwhile).</summary>
    public const int Refused = 4;

    /// <summary>Stopped with Ctrl-C; what was sent before is kept.</summary>
    public const int Interrupted = 130;
}
