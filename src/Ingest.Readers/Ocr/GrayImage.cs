using System.Text;

namespace Ingest.Readers.Ocr;

/// <summary>
/// An 8-bit grayscale raster (0 black, 255 white), row by row from the top. Read from and written as binary PGM (P5),
/// the format poppler's <c>pdftoppm -gray</c> writes and Leptonica (Tesseract's image library) reads, so no image codec is needed.
/// </summary>
internal sealed class GrayImage
{
    public GrayImage(int width, int height, byte[]? pixels = null)
    {
        if (width <= 0 || height <= 0)
            throw new ArgumentOutOfRangeException(nameof(width), $"image of {width}×{height} pixels");
        Width = width;
        Height = height;
        Pixels = pixels ?? Enumerable.Repeat((byte)255, checked(width * height)).ToArray();
        if (Pixels.Length != width * height)
            throw new ArgumentException($"{Pixels.Length} pixels for an image of {width}×{height}", nameof(pixels));
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Pixels { get; }

    public byte this[int x, int y]
    {
        get => Pixels[y * Width + x];
        set => Pixels[y * Width + x] = value;
    }

    /// <summary>Parses binary PGM (P5, maxval up to 255; comments allowed in the header).</summary>
    public static GrayImage ReadPgm(byte[] data)
    {
        var position = 0;
        string Token()
        {
            while (position < data.Length)
            {
                if (data[position] == '#')
                {
                    while (position < data.Length && data[position] != '\n')
                        position++;
                }
                else if (char.IsWhiteSpace((char)data[position]))
                    position++;
                else
                    break;
            }
            var start = position;
            while (position < data.Length && !char.IsWhiteSpace((char)data[position]))
                position++;
            return Encoding.ASCII.GetString(data, start, position - start);
        }
        if (Token() != "P5")
            throw new FormatException("not a binary PGM (P5) image");
        if (!int.TryParse(Token(), out var width) || !int.TryParse(Token(), out var height) || !int.TryParse(Token(), out var maxValue)
            || width <= 0 || height <= 0 || maxValue is <= 0 or > 255)
            throw new FormatException("PGM header is not width, height and a maximum value up to 255");
        position++; // the single whitespace byte after the maximum value
        var length = (long)width * height;
        if (data.Length - position < length)
            throw new FormatException($"PGM holds {data.Length - position} of its {length} pixels");
        var pixels = data.AsSpan(position, (int)length).ToArray();
        if (maxValue != 255)
        {
            for (var i = 0; i < pixels.Length; i++)
                pixels[i] = (byte)(pixels[i] * 255 / maxValue);
        }
        return new GrayImage(width, height, pixels);
    }

    public byte[] ToPgm()
    {
        var header = Encoding.ASCII.GetBytes($"P5\n{Width} {Height}\n255\n");
        var bytes = new byte[header.Length + Pixels.Length];
        header.CopyTo(bytes, 0);
        Pixels.CopyTo(bytes, header.Length);
        return bytes;
    }

    /// <summary>A copy of a rectangle (clipped to the image), surrounded by a white margin: Tesseract reads letters that touch the border poorly.</summary>
    public GrayImage Crop(int left, int top, int width, int height, int margin = 0)
    {
        left = Math.Clamp(left, 0, Width - 1);
        top = Math.Clamp(top, 0, Height - 1);
        width = Math.Clamp(width, 1, Width - left);
        height = Math.Clamp(height, 1, Height - top);
        var crop = new GrayImage(width + 2 * margin, height + 2 * margin);
        for (var y = 0; y < height; y++)
            Array.Copy(Pixels, (top + y) * Width + left, crop.Pixels, (y + margin) * crop.Width + margin, width);
        return crop;
    }

    /// <summary>The image at half size, each pixel the mean of the four it replaces.</summary>
    public GrayImage Half()
    {
        var half = new GrayImage(Math.Max(1, Width / 2), Math.Max(1, Height / 2));
        for (var y = 0; y < half.Height; y++)
        {
            for (var x = 0; x < half.Width; x++)
            {
                int x0 = 2 * x, y0 = 2 * y, x1 = Math.Min(x0 + 1, Width - 1), y1 = Math.Min(y0 + 1, Height - 1);
                half[x, y] = (byte)((this[x0, y0] + this[x1, y0] + this[x0, y1] + this[x1, y1] + 2) / 4);
            }
        }
        return half;
    }

    /// <summary>Paints a rectangle white (clipped to the image).</summary>
    public void Clear(int left, int top, int width, int height)
    {
        var x0 = Math.Clamp(left, 0, Width);
        var x1 = Math.Clamp(left + width, 0, Width);
        var y0 = Math.Clamp(top, 0, Height);
        var y1 = Math.Clamp(top + height, 0, Height);
        for (var y = y0; y < y1; y++)
            Array.Fill(Pixels, (byte)255, y * Width + x0, x1 - x0);
    }

    /// <summary>
    /// The gray level that best separates ink from paper (Otsu's method: the threshold maximising the variance between
    /// the two classes of the histogram). Pixels at or below it are ink.
    /// </summary>
    public byte InkThreshold()
    {
        Span<long> histogram = stackalloc long[256];
        foreach (var p in Pixels)
            histogram[p]++;
        long total = Pixels.Length;
        double sumAll = 0;
        for (var i = 0; i < 256; i++)
            sumAll += i * (double)histogram[i];
        double sumBelow = 0, best = -1;
        long below = 0;
        var threshold = 127;
        for (var t = 0; t < 256; t++)
        {
            below += histogram[t];
            if (below == 0)
                continue;
            var above = total - below;
            if (above == 0)
                break;
            sumBelow += t * (double)histogram[t];
            var meanBelow = sumBelow / below;
            var meanAbove = (sumAll - sumBelow) / above;
            var between = (double)below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best)
                (best, threshold) = (between, t);
        }
        return (byte)threshold;
    }

    /// <summary>
    /// Ink mask (true = ink) at the given threshold, without specks: an ink pixel with at most one ink neighbour is scan
    /// noise (a rule one pixel thin still has two neighbours along it), and noise left in would join letters to rules.
    /// </summary>
    public bool[] CleanInk(byte threshold)
    {
        var ink = Ink(threshold);
        var clean = (bool[])ink.Clone();
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                if (!ink[y * Width + x])
                    continue;
                var neighbours = 0;
                for (var dy = -1; dy <= 1; dy++)
                {
                    var ny = y + dy;
                    if (ny < 0 || ny >= Height)
                        continue;
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        var nx = x + dx;
                        if ((dx != 0 || dy != 0) && nx >= 0 && nx < Width && ink[ny * Width + nx])
                            neighbours++;
                    }
                }
                if (neighbours <= 1)
                    clean[y * Width + x] = false;
            }
        }
        return clean;
    }

    /// <summary>
    /// The image with everything outside the ink mask painted white: the paper's grain and specks go, the letters keep
    /// their gray edges (Tesseract's recognition is steadier on them than on hard black and white).
    /// </summary>
    public GrayImage KeepOnly(bool[] ink)
    {
        var pixels = new byte[ink.Length];
        for (var i = 0; i < ink.Length; i++)
            pixels[i] = ink[i] ? Pixels[i] : (byte)255;
        return new GrayImage(Width, Height, pixels);
    }

    /// <summary>
    /// The image in black and white at the given threshold. A cell is given to Tesseract so: the soft gray rim a rule
    /// leaves beside the crop survives the speck cleaning, and Tesseract's own threshold, chosen on a small mostly white
    /// cell, reads that rim as a row of 。 or ー.
    /// </summary>
    public GrayImage Binarised(byte threshold)
    {
        var pixels = new byte[Pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
            pixels[i] = Pixels[i] <= threshold ? (byte)0 : (byte)255;
        return new GrayImage(Width, Height, pixels);
    }

    /// <summary>Ink mask (true = ink) at the given threshold.</summary>
    public bool[] Ink(byte threshold)
    {
        var ink = new bool[Pixels.Length];
        for (var i = 0; i < ink.Length; i++)
            ink[i] = Pixels[i] <= threshold;
        return ink;
    }

    /// <summary>
    /// The image turned by <paramref name="degrees"/> (counter-clockwise positive, as a page skewed that way is turned
    /// back by the opposite angle) about its centre, bilinear, with white where the turned image has no source.
    /// </summary>
    public GrayImage Rotate(double degrees)
    {
        var rotated = new GrayImage(Width, Height);
        var radians = degrees * Math.PI / 180;
        var (sin, cos) = Math.SinCos(radians);
        double cx = (Width - 1) / 2.0, cy = (Height - 1) / 2.0;
        for (var y = 0; y < Height; y++)
        {
            var dy = y - cy;
            for (var x = 0; x < Width; x++)
            {
                var dx = x - cx;
                // Inverse mapping: where in the source this target pixel comes from (image y runs down).
                var sx = cos * dx - sin * dy + cx;
                var sy = sin * dx + cos * dy + cy;
                var x0 = (int)Math.Floor(sx);
                var y0 = (int)Math.Floor(sy);
                if (x0 < 0 || y0 < 0 || x0 + 1 >= Width || y0 + 1 >= Height)
                    continue;
                double fx = sx - x0, fy = sy - y0;
                var row = y0 * Width + x0;
                var top = Pixels[row] * (1 - fx) + Pixels[row + 1] * fx;
                var bottom = Pixels[row + Width] * (1 - fx) + Pixels[row + Width + 1] * fx;
                rotated.Pixels[y * Width + x] = (byte)Math.Round(top * (1 - fy) + bottom * fy);
            }
        }
        return rotated;
    }
}
