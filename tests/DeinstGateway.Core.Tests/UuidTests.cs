using DeinstGateway.Core;

namespace DeinstGateway.Core.Tests;

public sealed class UuidTests
{
    [Theory]
    [InlineData("8a1b2c3d-0000-4000-8000-000000000001", "8a1b2c3d-0000-4000-8000-000000000001")]
    [InlineData("short", "short")]
    [InlineData("0123456789012345678901234567890123456789", "012345678901234567890123456789012345")]
    public void Echo_AnyText_IsCutToTheLengthOfAUuid(string sent, string echoed)
    {
        // Act
        var echo = Uuid.Echo(sent);

        // Assert
        Assert.Equal(echoed, echo);
    }

    [Fact]
    public void Echo_CutFallsInsideASurrogatePair_DropsTheHalfCharacter()
    {
        // Arrange: 35 letters, then a character outside the BMP (two UTF-16 units) and more.
        var sent = new string('a', 35) + "\U0001F600" + "tail";

        // Act
        var echo = Uuid.Echo(sent);

        // Assert
        Assert.Equal(new string('a', 35), echo);
    }
}
