using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Paging;

namespace DeinstGateway.Core.Tests.Paging;

public sealed class PageRequestTests
{
    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 1)]
    [InlineData(49, 49)]
    [InlineData(1000, 1000)]
    [InlineData(1001, 1000)]
    [InlineData(int.MaxValue, 1000)]
    public void EffectiveSize_NonNegativePageSize_ReturnsDefaultOrCoercedSize(int pageSize, int expected)
    {
        // Arrange
        var request = new PageRequest(pageSize, PageToken: null);

        // Act
        var size = request.EffectiveSize;

        // Assert
        Assert.Equal(expected, size);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void EffectiveSize_NegativePageSize_ThrowsValidationExceptionOnPageSize(int pageSize)
    {
        // Arrange
        var request = new PageRequest(pageSize, PageToken: null);

        // Act
        var exception = Assert.Throws<ValidationException>(() => request.EffectiveSize);

        // Assert
        var violation = Assert.Single(exception.Violations);
        Assert.Equal("page_size", violation.Field);
    }
}
