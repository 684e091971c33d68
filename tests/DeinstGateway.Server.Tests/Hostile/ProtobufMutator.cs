namespace DeinstGateway.Server.Tests.Hostile;

/// <summary>
/// Seeded mutations of a valid protobuf message, of the kinds a broken or hostile sender makes:
/// flipped bits, truncation, a field sent twice, an extra field with a random varint, a length
/// prefix that lies, random bytes spliced in, a varint field given a random value. One to three
/// are applied to each copy; the same seed gives the same mutations.
/// </summary>
public sealed class ProtobufMutator(int seed)
{
    private const int WireVarint = 0;
    private const int WireLengthDelimited = 2;
    private readonly Random _random = new(seed);

    public byte[] Mutate(byte[] valid)
    {
        var bytes = valid;
        for (var i = _random.Next(1, 4); i > 0; i--)
        {
            bytes = _random.Next(7) switch
            {
                0 => FlipBits(bytes),
                1 => bytes[.._random.Next(bytes.Length + 1)],
                2 => DuplicateField(bytes),
                3 => [.. bytes, .. Varint((ulong)(_random.Next(1, 20) << 3)), .. Varint(RandomVarint())],
                4 => ChangeLength(bytes),
                5 => Splice(bytes, _random.Next(bytes.Length + 1), RandomBytes(_random.Next(1, 9))),
                _ => RandomizeVarint(bytes),
            };
        }

        return bytes;
    }

    private byte[] FlipBits(byte[] bytes)
    {
        var copy = bytes.ToArray();
        for (var i = _random.Next(1, 4); i > 0 && copy.Length > 0; i--)
        {
            copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        }

        return copy;
    }

    private byte[] DuplicateField(byte[] bytes) =>
        Pick(Fields(bytes)) is { } field ? Splice(bytes, field.End, bytes[field.Start..field.End]) : bytes;

    private byte[] ChangeLength(byte[] bytes)
    {
        if (Pick(Fields(bytes).Where(f => f.Wire == WireLengthDelimited).ToList()) is not { } field)
        {
            return bytes;
        }

        var length = (long)field.Value + _random.Next(-3, 4) * (_random.Next(4) == 0 ? 1000 : 1);
        return [.. bytes[..field.ValueStart], .. Varint((ulong)Math.Max(0, length)), .. bytes[field.ValueEnd..]];
    }

    private byte[] RandomizeVarint(byte[] bytes) =>
        Pick(Fields(bytes).Where(f => f.Wire == WireVarint).ToList()) is { } field
            ? [.. bytes[..field.ValueStart], .. Varint(RandomVarint()), .. bytes[field.ValueEnd..]]
            : bytes;

    // Small numbers, the edges of int32 and int64, and negative numbers, which take ten bytes.
    private ulong RandomVarint() => _random.Next(5) switch
    {
        0 => (ulong)_random.Next(0, 300),
        1 => int.MaxValue + (ulong)_random.Next(0, 2),
        2 => unchecked((ulong)(long)-_random.Next(1, 1000)),
        3 => ulong.MaxValue - (ulong)_random.Next(0, 2),
        _ => (ulong)_random.NextInt64(),
    };

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private Field? Pick(IReadOnlyList<Field> fields) => fields.Count == 0 ? null : fields[_random.Next(fields.Count)];

    private static byte[] Splice(byte[] bytes, int at, byte[] inserted) => [.. bytes[..at], .. inserted, .. bytes[at..]];

    private static byte[] Varint(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var low = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? low : (byte)(low | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    /// <summary>The top-level fields as far as they can be walked; a mutated message may end the walk early.</summary>
    private static List<Field> Fields(byte[] bytes)
    {
        var fields = new List<Field>();
        var position = 0;
        while (position < bytes.Length)
        {
            var start = position;
            if (ReadVarint(bytes, ref position) is not { } tag)
            {
                break;
            }

            var wire = (int)(tag & 7);
            var valueStart = position;
            if (wire is WireVarint or WireLengthDelimited && ReadVarint(bytes, ref position) is { } value)
            {
                var end = wire == WireLengthDelimited ? position + (long)value : position;
                if (value > int.MaxValue || end > bytes.Length)
                {
                    break;
                }

                fields.Add(new Field(start, (int)end, wire, valueStart, position, value));
                position = (int)end;
            }
            else
            {
                break;
            }
        }

        return fields;
    }

    private static ulong? ReadVarint(byte[] bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64 && position < bytes.Length; shift += 7)
        {
            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>A field's bytes [Start, End); for varints and length prefixes, where the number stands and its value.</summary>
    private sealed record Field(int Start, int End, int Wire, int ValueStart, int ValueEnd, ulong Value);
}
