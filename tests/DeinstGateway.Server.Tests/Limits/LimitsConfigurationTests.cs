using DeinstGateway.Server.Tests.Infrastructure;

namespace DeinstGateway.Server.Tests.Limits;

public sealed class LimitsConfigurationTests
{
    [Theory]
    [InlineData("Limits:CallsPerSecond=0")]
    [InlineData("Limits:Burst=-1")]
    [InlineData("Limits:MaxMessagesPerStream=0")]
    [InlineData("Limits:StreamIdleSeconds=0")]
    public async Task Start_WithALimitThatWouldRefuseEverything_FailsNamingTheKey(string setting)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayProcess.StartAsync(null, setting));

        Assert.Contains(setting[..setting.IndexOf('=', StringComparison.Ordinal)], failure.Message, StringComparison.Ordinal);
    }
}
