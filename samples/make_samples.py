"Regenerate the sample files the notebooks use: `python samples/make_samples.py` (needs Pillow)."
import io, math, struct, wave
from pathlib import Path
from PIL import Image, ImageDraw

here = Path(__file__).parent

def puppy(size=256):
    "A cartoon puppy: brown ears, white face, dark eyes, on grass beside purple flowers"
    im = Image.new('RGB', (size, size), (120, 180, 90))
    d = ImageDraw.Draw(im)
    for x,y in [(30,40),(60,25),(200,50),(225,30)]: d.ellipse([x-9,y-9,x+9,y+9], fill=(150,90,200))
    d.ellipse([50,60,110,170], fill=(140,80,40)); d.ellipse([146,60,206,170], fill=(140,80,40))
    d.ellipse([70,60,186,200], fill=(245,240,230))
    d.ellipse([98,105,114,121], fill=(30,20,20)); d.ellipse([142,105,158,121], fill=(30,20,20))
    d.ellipse([118,140,138,156], fill=(40,25,25)); d.arc([110,150,146,176], 20, 160, fill=(40,25,25), width=3)
    return im

def pdf_bytes(text="lisette sample document: the answer is 42."):
    "A one-page PDF with one line of text, written by hand (no dependency)"
    stream = f"BT /F1 18 Tf 50 750 Td ({text}) Tj ET".encode()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offs = bytearray(b"%PDF-1.4\n"), []
    for i,o in enumerate(objs, 1):
        offs.append(len(out)); out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs)+1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs)+1, xref)
    return bytes(out)

def wav_bytes(secs=0.25, hz=440, rate=8000):
    "A short mono 16-bit WAV of a sine tone"
    frames = b''.join(struct.pack('<h', int(8000*math.sin(2*math.pi*hz*i/rate))) for i in range(int(secs*rate)))
    b = io.BytesIO()
    with wave.open(b, 'wb') as w: w.setnchannels(1); w.setsampwidth(2); w.setframerate(rate); w.writeframes(frames)
    return b.getvalue()

def _box(kind, payload): return struct.pack('>I', 8+len(payload)) + kind + payload

def mp4_bytes():
    "A minimal MP4 container: an `ftyp` box and a `moov` holding only the movie header (no tracks, no frames)"
    ftyp = _box(b'ftyp', b'isom' + struct.pack('>I', 512) + b'isomiso2mp41')
    matrix = struct.pack('>9I', 0x10000,0,0, 0,0x10000,0, 0,0,0x40000000)
    mvhd = _box(b'mvhd', struct.pack('>IIIII', 0, 0, 0, 1000, 0) + struct.pack('>IH', 0x10000, 0x100) + bytes(10)
                + matrix + bytes(24) + struct.pack('>I', 1))
    return ftyp + _box(b'moov', mvhd)

if __name__ == '__main__':
    puppy().save(here/'puppy.jpg', quality=90)
    (here/'sample.pdf').write_bytes(pdf_bytes())
    (here/'sample.wav').write_bytes(wav_bytes())
    (here/'sample.mp4').write_bytes(mp4_bytes())
