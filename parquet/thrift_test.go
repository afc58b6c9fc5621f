package parquet

// An independent reader of Parquet footers, written from the Parquet
// format specification (parquet.thrift) and the Thrift compact protocol,
// so that the tests check the files with code that shares nothing with
// parquet-go.
//
// A Parquet file is "PAR1", the column chunks, the footer (a FileMetaData
// struct in the Thrift compact protocol), the footer's length as a 4-byte
// little-endian integer, and "PAR1" again.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// tstruct is a decoded Thrift struct: field id -> value. Values are int64
// (all integer types), bool, float64, []byte, []any (lists and sets) or
// tstruct.
type tstruct map[int16]any

type compact struct {
	b   []byte
	pos int
}

var errShort = errors.New("thrift: unexpected end of data")

func (c *compact) byte() (byte, error) {
	if c.pos >= len(c.b) {
		return 0, errShort
	}
	c.pos++
	return c.b[c.pos-1], nil
}

func (c *compact) uvarint() (uint64, error) {
	v, n := binary.Uvarint(c.b[c.pos:])
	if n <= 0 {
		return 0, errShort
	}
	c.pos += n
	return v, nil
}

func (c *compact) zigzag() (int64, error) {
	u, err := c.uvarint()
	return int64(u>>1) ^ -int64(u&1), err
}

func (c *compact) value(typ byte) (any, error) {
	switch typ {
	case 1:
		return true, nil
	case 2:
		return false, nil
	case 3:
		b, err := c.byte()
		return int64(int8(b)), err
	case 4, 5, 6:
		return c.zigzag()
	case 7:
		if c.pos+8 > len(c.b) {
			return nil, errShort
		}
		v := math.Float64frombits(binary.LittleEndian.Uint64(c.b[c.pos:]))
		c.pos += 8
		return v, nil
	case 8:
		n, err := c.uvarint()
		if err != nil || uint64(len(c.b)-c.pos) < n {
			return nil, errShort
		}
		v := c.b[c.pos : c.pos+int(n)]
		c.pos += int(n)
		return v, nil
	case 9, 10:
		h, err := c.byte()
		if err != nil {
			return nil, err
		}
		n, et := uint64(h>>4), h&0x0f
		if n == 15 {
			if n, err = c.uvarint(); err != nil {
				return nil, err
			}
		}
		if n > uint64(len(c.b)) {
			return nil, errShort
		}
		list := make([]any, 0, n)
		for i := uint64(0); i < n; i++ {
			var v any
			if et == 1 || et == 2 { // booleans in lists take a byte each
				b, err := c.byte()
				if err != nil {
					return nil, err
				}
				v = b == 1
			} else if v, err = c.value(et); err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		return list, nil
	case 11:
		n, err := c.uvarint()
		if err != nil {
			return nil, err
		}
		if n == 0 {
			return []any{}, nil
		}
		kv, err := c.byte()
		if err != nil {
			return nil, err
		}
		var pairs []any
		for i := uint64(0); i < n; i++ {
			k, err := c.value(kv >> 4)
			if err != nil {
				return nil, err
			}
			v, err := c.value(kv & 0x0f)
			if err != nil {
				return nil, err
			}
			pairs = append(pairs, k, v)
		}
		return pairs, nil
	case 12:
		return c.structure()
	}
	return nil, fmt.Errorf("thrift: unknown type %d at %d", typ, c.pos)
}

func (c *compact) structure() (tstruct, error) {
	s := tstruct{}
	var id int16
	for {
		h, err := c.byte()
		if err != nil {
			return nil, err
		}
		if h == 0 {
			return s, nil
		}
		if d := h >> 4; d != 0 {
			id += int16(d)
		} else {
			v, err := c.zigzag()
			if err != nil {
				return nil, err
			}
			id = int16(v)
		}
		v, err := c.value(h & 0x0f)
		if err != nil {
			return nil, err
		}
		s[id] = v
	}
}

// readFooter returns the FileMetaData of a Parquet file's bytes.
func readFooter(file []byte) (tstruct, error) {
	n := len(file)
	if n < 12 || string(file[:4]) != "PAR1" || string(file[n-4:]) != "PAR1" {
		return nil, errors.New("not a Parquet file: magic PAR1 missing")
	}
	size := int(binary.LittleEndian.Uint32(file[n-8:]))
	if size <= 0 || size > n-12 {
		return nil, fmt.Errorf("footer length %d out of range", size)
	}
	c := &compact{b: file[n-8-size : n-8]}
	return c.structure()
}

// Accessors that keep the tests short; they return zero values for
// missing or mistyped fields.
func (s tstruct) int(id int16) int64    { v, _ := s[id].(int64); return v }
func (s tstruct) str(id int16) string   { v, _ := s[id].([]byte); return string(v) }
func (s tstruct) bytes(id int16) []byte { v, _ := s[id].([]byte); return v }
func (s tstruct) has(id int16) bool     { _, ok := s[id]; return ok }
func (s tstruct) sub(id int16) tstruct  { v, _ := s[id].(tstruct); return v }
func (s tstruct) list(id int16) []tstruct {
	l, _ := s[id].([]any)
	out := make([]tstruct, 0, len(l))
	for _, v := range l {
		if st, ok := v.(tstruct); ok {
			out = append(out, st)
		}
	}
	return out
}
