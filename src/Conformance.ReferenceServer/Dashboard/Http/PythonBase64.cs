namespace Conformance.ReferenceServer.Dashboard.Http;

/// <summary>
/// Python's <c>base64.b64decode(s)</c> (non-strict <c>binascii.a2b_base64</c>): characters outside the
/// alphabet are skipped, a completed pad sequence ends the input, and a dangling quad is an error
/// ("Incorrect padding"). Non-ASCII input is a ValueError in Python, an error here too.
/// </summary>
internal static class PythonBase64
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        var output = new List<byte>();
        int quadPosition = 0, leftChar = 0, pads = 0;
        foreach (var c in text)
        {
            if (c > 0x7f)
            {
                return false;
            }
            if (c == '=')
            {
                if (quadPosition >= 2 && quadPosition + ++pads >= 4)
                {
                    bytes = [.. output];
                    return true;
                }
                continue;
            }
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                continue;
            }
            pads = 0;
            switch (quadPosition)
            {
                case 0:
                    quadPosition = 1;
                    leftChar = value;
                    break;
                case 1:
                    quadPosition = 2;
                    output.Add((byte)((leftChar << 2) | (value >> 4)));
                    leftChar = value & 0x0f;
                    break;
                case 2:
                    quadPosition = 3;
                    output.Add((byte)((leftChar << 4) | (value >> 2)));
                    leftChar = value & 0x03;
                    break;
                default:
                    quadPosition = 0;
                    output.Add((byte)((leftChar << 6) | value));
                    leftChar = 0;
                    break;
            }
        }
        if (quadPosition != 0)
        {
            return false;
        }
        bytes = [.. output];
        return true;
    }

    /// <summary><c>b64decode_string</c>: base64 then strict UTF-8.</summary>
    public static bool TryDecodeString(string text, out string decoded)
    {
        decoded = "";
        if (!TryDecode(text, out var bytes))
        {
            return false;
        }
        try
        {
            decoded = new System.Text.UTF8Encoding(false, true).GetString(bytes);
            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
    }
}
