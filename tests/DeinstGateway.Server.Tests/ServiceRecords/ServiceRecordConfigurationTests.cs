using DeinstGateway.Server.Tests.Infrastructure;

namespace DeinstGateway.Server.Tests.ServiceRecords;

public sealed class ServiceRecordConfigurationTests
{
    [Theory]
    [InlineData("ServiceRecords:RecordBatchSize=0")]
    [InlineData("ServiceRecords:RecordBatchSize=-1")]
    public async Task Start_WithABatchOfNoRecords_FailsNamingTheKey(string setting)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayProcess.StartAsync(null, setting));

        Assert.Contains("ServiceRecords:RecordBatchSize", failure.Message, StringComparison.Ordinal);
    }
}
