"""png.py - read a PNG with nothing but the standard library.

  python3 png.py stats FILE          width, height, share of non-background
                                     pixels and of distinct colours
  python3 png.py crop FILE X Y W H OUT   a region, for looking at details
  python3 png.py extent FILE         where the drawing is: the box of the
                                     pixels not white, as shares of the
                                     width and height (x0 y0 x1 y1)

The export test uses `stats` to tell a real screenshot from a blank page
and `extent` to see how much of a printed page the picture fills.
"""
import struct
import sys
import zlib


def read(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, head = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = head
    if depth != 8 or ctype not in (2, 6) or interlace:
        raise ValueError("only 8-bit RGB/RGBA, not interlaced")
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[x] = (line[x] + pr) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def write(path, w, h, rows):
    raw = b"".join(b"\x00" + r for r in rows)

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw)))
        f.write(chunk(b"IEND", b""))


def stats(path):
    w, h, bpp, rows = read(path)
    bg = rows[0][:3]
    other, colours = 0, set()
    for r in rows[::2]:
        for x in range(0, w * bpp, bpp * 2):
            px = r[x:x + 3]
            colours.add(px)
            if px != bg:
                other += 1
    total = ((h + 1) // 2) * ((w + 1) // 2)
    print("%d %d %.4f %d" % (w, h, other / total, len(colours)))


def crop(path, x0, y0, cw, ch, out):
    w, h, bpp, rows = read(path)
    sub = []
    for y in range(y0, min(h, y0 + ch)):
        r = rows[y]
        sub.append(b"".join(r[x * bpp:x * bpp + 3]
                            for x in range(x0, min(w, x0 + cw))))
    write(out, min(w, x0 + cw) - x0, len(sub), sub)


def extent(path):
    w, h, bpp, rows = read(path)
    xs, ys = [], []
    for y, r in enumerate(rows):
        ink = [x for x in range(w) if min(r[x * bpp:x * bpp + 3]) < 235]
        if ink:
            xs += [ink[0], ink[-1]]
            ys.append(y)
    if not xs:
        print("0 0 0 0")
        return
    print("%.3f %.3f %.3f %.3f" % (min(xs) / w, ys[0] / h, (max(xs) + 1) / w,
                                   (ys[-1] + 1) / h))


if __name__ == "__main__":
    if sys.argv[1] == "stats":
        stats(sys.argv[2])
    elif sys.argv[1] == "extent":
        extent(sys.argv[2])
    else:
        crop(sys.argv[2], *map(int, sys.argv[3:7]), sys.argv[7])
