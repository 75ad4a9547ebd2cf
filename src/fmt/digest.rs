//! A digest of a plan's model that leaves out where things were written:
//! `serde` walks the model into two keyed hashes, and every span (the
//! struct `Span`) is skipped. Two models digest alike when they hold the
//! same things, wherever in the text those stand.

use std::fmt::Error;
use std::hash::{BuildHasher, DefaultHasher, Hasher, RandomState};

use serde::Serialize;
use serde::ser::{
    SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant, SerializeTuple,
    SerializeTupleStruct, SerializeTupleVariant, Serializer,
};

/// The digest of anything serializable, its spans left out.
pub(super) fn digest<T: Serialize + ?Sized>(value: &T) -> [u64; 2] {
    // The same keys for every file of a run.
    static KEYS: std::sync::OnceLock<[RandomState; 2]> = std::sync::OnceLock::new();
    let keys = KEYS.get_or_init(|| [RandomState::new(), RandomState::new()]);
    let mut digest = Digest {
        hashers: [keys[0].build_hasher(), keys[1].build_hasher()],
        buffer: Vec::with_capacity(Digest::BUFFER),
    };
    // Hashing does not fail; a value whose serializing fails digests as far
    // as it got, and the failure too.
    if value.serialize(&mut digest).is_err() {
        digest.tag(b'!');
    }
    digest.flush();
    [digest.hashers[0].finish(), digest.hashers[1].finish()]
}

struct Digest {
    hashers: [DefaultHasher; 2],
    /// Bytes not hashed yet: hashing a few bytes at a time is slow.
    buffer: Vec<u8>,
}

impl Digest {
    const BUFFER: usize = 1 << 14;

    fn put(&mut self, bytes: &[u8]) {
        if self.buffer.len() + bytes.len() > Self::BUFFER {
            self.flush();
        }
        if bytes.len() > Self::BUFFER {
            for h in &mut self.hashers {
                h.write(bytes);
            }
        } else {
            self.buffer.extend_from_slice(bytes);
        }
    }

    fn flush(&mut self) {
        for h in &mut self.hashers {
            h.write(&self.buffer);
        }
        self.buffer.clear();
    }

    fn tag(&mut self, tag: u8) {
        self.put(&[tag]);
    }

    fn bytes(&mut self, bytes: &[u8]) {
        self.tag(b'y');
        self.put(&(bytes.len() as u64).to_le_bytes());
        self.put(bytes);
    }

    /// Text, ended by a byte UTF-8 never holds.
    fn text(&mut self, text: &str) {
        self.tag(b's');
        self.put(text.as_bytes());
        self.tag(0xFF);
    }

    fn variant(&mut self, index: u32) {
        self.tag(b'v');
        self.put(&index.to_le_bytes());
    }
}

impl std::fmt::Write for Digest {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.put(s.as_bytes());
        Ok(())
    }
}

/// A sequence, map or struct being digested; a span's fields are skipped.
struct Compound<'a> {
    digest: &'a mut Digest,
    span: bool,
}

impl<'a> Compound<'a> {
    fn open(digest: &'a mut Digest, tag: u8) -> Self {
        digest.tag(tag);
        Compound {
            digest,
            span: false,
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.digest)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        if self.span {
            return Ok(());
        }
        self.digest.text(key);
        value.serialize(&mut *self.digest)
    }

    fn close(self) {
        if !self.span {
            self.digest.tag(b'.');
        }
    }
}

impl<'a> Serializer for &'a mut Digest {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.put(&[b'b', u8::from(v)]);
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.serialize_i64(v.into())
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.tag(b'i');
        self.put(&v.to_le_bytes());
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.serialize_u64(v.into())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.tag(b'u');
        self.put(&v.to_le_bytes());
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(v.into())
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.tag(b'f');
        self.put(&v.to_bits().to_le_bytes());
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(v);
        Ok(())
    }

    /// Dates: written into the digest, not into a string first.
    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<(), Error> {
        self.tag(b's');
        std::fmt::Write::write_fmt(self, format_args!("{value}"))?;
        self.tag(0xFF);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        self.bytes(v);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.tag(b'n');
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        self.tag(b'o');
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.tag(b'0');
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
    ) -> Result<(), Error> {
        self.variant(index);
        Ok(())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant(index);
        value.serialize(self)
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self, b'['))
    }

    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self, b'('))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self, b'('))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(index);
        Ok(Compound::open(self, b'('))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(Compound::open(self, b'{'))
    }

    fn serialize_struct(self, name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        if name == "Span" {
            return Ok(Compound {
                digest: self,
                span: true,
            });
        }
        Ok(Compound::open(self, b'{'))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(index);
        Ok(Compound::open(self, b'{'))
    }
}

impl SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

impl SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

impl SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

impl SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

impl SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.element(key)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.element(value)
    }

    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

impl SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}

impl SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.field(key, value)
    }

    fn end(self) -> Result<(), Error> {
        self.close();
        Ok(())
    }
}
