using Google.Protobuf;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>
/// Protobuf messages in a file, each preceded by its length as a varint (<c>WriteDelimitedTo</c>):
/// how the benchmark hands pre-built messages to a client process and gets its answers back.
/// Both happen outside the timed window.
/// </summary>
public static class DelimitedFile
{
    private const int BufferSize = 1 << 16;

    public static void Write<T>(string path, IEnumerable<T> messages)
        where T : IMessage
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, BufferSize);
        foreach (var message in messages)
        {
            message.WriteDelimitedTo(file);
        }
    }

    public static List<T> Read<T>(string path, MessageParser<T> parser)
        where T : IMessage<T>
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        var messages = new List<T>();
        while (file.Position < file.Length)
        {
            messages.Add(parser.ParseDelimitedFrom(file));
        }

        return messages;
    }
}
