# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled kernel of the parallels' template search (``templates._find_template``).

``template_parts(carriers, level)`` returns what the pure-Python search in
``policytext/parallels/templates.py`` returns, as ``(prefix, infix, suffix)`` or
None: the common prefix, the common suffix of the rest, and the longest piece
of the middles found in every one at aligned places. The Python code stays the
definition (used where this module was not built);
``tests/test_parallel_kernel.py`` checks that both agree.
"""

from cpython.unicode cimport PyUnicode_GET_LENGTH
from libc.stdint cimport uint64_t
from cpython.object cimport PyObject
from cpython.ref cimport Py_INCREF
from cpython.tuple cimport PyTuple_SET_ITEM
from libc.stdlib cimport calloc, free
from libc.string cimport memset
from types import MemberDescriptorType


cdef extern from "Python.h":
    ctypedef unsigned short Py_UCS2  # a character of a two-byte string (kind 2)
    # the characters of a ready string read by its kind and data, found once per string
    int PyUnicode_KIND(object)
    void* PyUnicode_DATA(object)
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index) nogil
    bint Py_UNICODE_ISALNUM(Py_UCS4 char) nogil

cdef enum:
    VERB_SLOT = 4  # the furthest a shared object starts from its clause's opening (templates)

#: ``templates.VERB_SLOT`` as this kernel was built with it (a test compares them)
verb_slot = VERB_SLOT


cdef struct _Chars:
    # the characters of a ready string, read in place by kind and data (``view[k]`` makes
    # no object either, but costs a call); for a set of marks, also its bitmap (or NULL)
    int kind
    void* data
    Py_ssize_t length
    const unsigned char* bits


cdef inline _Chars _chars(str s):
    cdef _Chars c
    c.kind = PyUnicode_KIND(s)
    c.data = PyUnicode_DATA(s)
    c.length = PyUnicode_GET_LENGTH(s)
    c.bits = NULL
    return c


cdef enum:
    _MARK_SETS = 32  # the sets of marks whose bitmaps are kept (the callers pass constants;
    # a power of two)
    _MARK_LIMIT = 0x10000  # the characters a bitmap holds (the BMP)
    _MARK_BYTES = 8192  # _MARK_LIMIT bits

#: the sets of marks with a bitmap, kept alive here so that no other string takes an address
cdef list _mark_strings = []
cdef PyObject* _mark_keys[_MARK_SETS]  # NULL: a free slot (static memory starts zeroed)
cdef unsigned char _mark_bits[_MARK_SETS][_MARK_BYTES]


cdef inline _Chars _marks(str marks):
    """``_chars(marks)`` with the bitmap of its characters below ``_MARK_LIMIT`` (made on
    its first use; a set beyond the first ``_MARK_SETS`` is read character by character).
    A set's slot is found from its address, most often at the first look."""
    cdef _Chars c = _chars(marks)
    cdef Py_ssize_t home = (<size_t><PyObject*>marks >> 4) & (_MARK_SETS - 1), slot, k, n
    cdef Py_UCS4 char
    for n in range(_MARK_SETS):
        slot = (home + n) & (_MARK_SETS - 1)
        if _mark_keys[slot] == <PyObject*>marks:
            c.bits = _mark_bits[slot]
            return c
        if _mark_keys[slot] == NULL:
            break
    else:
        return c  # every slot taken by other sets
    memset(_mark_bits[slot], 0, _MARK_BYTES)
    for k in range(c.length):
        char = _at(c, k)
        if char < _MARK_LIMIT:
            _mark_bits[slot][<unsigned int>char >> 3] |= 1 << (<unsigned int>char & 7)
    _mark_strings.append(marks)
    _mark_keys[slot] = <PyObject*>marks
    c.bits = _mark_bits[slot]
    return c


cdef inline Py_UCS4 _at(_Chars s, Py_ssize_t k):
    return PyUnicode_READ(s.kind, s.data, k)


cdef inline bint _holds(_Chars marks, Py_UCS4 char):
    """``char in marks``: by the bitmap where it has one (below ``_MARK_LIMIT``), else by a look at
    each character."""
    cdef Py_ssize_t k
    if marks.bits != NULL and char < _MARK_LIMIT:
        return (marks.bits[<unsigned int>char >> 3] >> (<unsigned int>char & 7)) & 1
    for k in range(marks.length):
        if PyUnicode_READ(marks.kind, marks.data, k) == char:
            return True
    return False


cdef inline Py_ssize_t _run_end(_Chars t, Py_ssize_t k, Py_ssize_t stop, _Chars marks):
    """The end of the run of ``marks`` characters of ``t`` from ``k`` (before ``stop``)."""
    while k < stop and _holds(marks, _at(t, k)):
        k += 1
    return k


cdef Py_ssize_t _find(str s, str shortest, Py_ssize_t at, Py_ssize_t size):
    """The first place of ``shortest[at:at+size]`` in ``s`` (-1: none)."""
    cdef Py_ssize_t n = PyUnicode_GET_LENGTH(s), k, m
    cdef int s_kind = PyUnicode_KIND(s), p_kind = PyUnicode_KIND(shortest)
    cdef void* s_data = PyUnicode_DATA(s)
    cdef void* p_data = PyUnicode_DATA(shortest)
    cdef const Py_UCS2* sw
    cdef const Py_UCS2* pw
    if s_kind == 2 and p_kind == 2 and size > 0:  # the usual strings: read in place
        sw, pw = <const Py_UCS2*>s_data, <const Py_UCS2*>p_data + at
        for k in range(n - size + 1):
            if sw[k] == pw[0]:
                for m in range(1, size):
                    if sw[k + m] != pw[m]:
                        break
                else:
                    return k
        return -1
    for k in range(n - size + 1):
        for m in range(size):
            if PyUnicode_READ(s_kind, s_data, k + m) != PyUnicode_READ(p_kind, p_data, at + m):
                break
        else:
            return k
    return -1


cdef bint _aligned(str shortest, Py_ssize_t at, Py_ssize_t size, list strings):
    """Whether the piece first occurs at one place, or at relative places within 0.25, in all."""
    cdef Py_ssize_t count = len(strings), k, position, first, room
    cdef double relative, low = 0.0, high = 0.0
    first = _find(<str>strings[0], shortest, at, size)
    for k in range(1, count):
        if _find(<str>strings[k], shortest, at, size) != first:
            break
    else:
        return True
    for k in range(count):
        position = _find(<str>strings[k], shortest, at, size)
        room = PyUnicode_GET_LENGTH(<str>strings[k]) - size
        if room < 1:
            room = 1
        relative = <double>position / <double>room
        if k == 0 or relative > high:
            high = relative
        if k == 0 or relative < low:
            low = relative
    return high - low <= 0.25


cdef str _common_infix(list strings):
    """Longest piece found in every string at aligned relative places (first longest wins)."""
    cdef Py_ssize_t count = len(strings), k, s_index = 0, n, i, length, size, best = 0
    cdef Py_ssize_t best_at = 0
    cdef str shortest, other
    cdef Py_UCS4 char
    cdef bint everywhere
    for k in range(1, count):
        if PyUnicode_GET_LENGTH(<str>strings[k]) < PyUnicode_GET_LENGTH(<str>strings[s_index]):
            s_index = k
    shortest = <str>strings[s_index]
    n = PyUnicode_GET_LENGTH(shortest)
    for i in range(n):
        if n - i <= best:
            break
        char = shortest[i]
        everywhere = True
        for k in range(count):
            if k != s_index and _find(<str>strings[k], shortest, i, 1) < 0:
                everywhere = False
                break
        if not everywhere:
            continue
        length = 1
        while i + length < n:
            for k in range(count):
                if k != s_index and _find(<str>strings[k], shortest, i, length + 1) < 0:
                    break
            else:
                length += 1
                continue
            break
        size = length
        while size > best:
            if _aligned(shortest, i, size, strings):
                best, best_at = size, i
                break
            size -= 1
    return shortest[best_at : best_at + best]


ctypedef fused Carriers:
    tuple
    list


cdef bint _piece_in_slot(Carriers carriers, Py_ssize_t skip):
    """The carriers from ``skip`` on (two or more) hold one piece of three characters at one
    place, 1 to ``VERB_SLOT`` in (``templates.slot_piece``)."""
    cdef Py_ssize_t count = len(carriers), k, c, m
    cdef _Chars first = _chars(<str>carriers[skip]), other
    cdef bint same
    for k in range(1, VERB_SLOT + 1):
        if first.length < k + 3:
            return False  # nor at any later place
        same = True
        for c in range(skip + 1, count):
            other = _chars(<str>carriers[c])
            if other.length < k + 3:
                same = False
                break
            for m in range(3):
                if _at(other, k + m) != _at(first, k + m):
                    same = False
                    break
            if not same:
                break
        if same:
            return True
    return False


cdef bint _slot_piece(tuple carriers):
    """Three or more carriers hold one piece of three characters at one place, 1 to 4 in."""
    return len(carriers) >= 3 and _piece_in_slot(carriers, 0)


def template_parts(tuple carriers, level):
    """``(prefix, infix, suffix)`` all ``carriers`` share, or None (nothing, or everything)."""
    cdef Py_ssize_t count = len(carriers), k, p, s, shortest_len, length, longest = 0
    cdef str first, carrier, prefix, suffix, infix
    cdef Py_UCS4 char
    cdef list middles
    cdef bint hopeless, all_long
    cdef _Chars head, other
    if count == 0:
        raise ValueError("template_parts needs at least one carrier")
    first = <str>carriers[0]
    shortest_len = PyUnicode_GET_LENGTH(first)
    for k in range(count):
        length = PyUnicode_GET_LENGTH(<str>carriers[k])
        if length < shortest_len:
            shortest_len = length
        if length > longest:
            longest = length
    head = _chars(first)
    p = 0  # the common prefix of all is the common prefix of the lexicographic extremes
    while p < shortest_len:
        char = _at(head, p)
        for k in range(1, count):
            if _at(_chars(<str>carriers[k]), p) != char:
                break
        else:
            p += 1
            continue
        break
    s = 0  # the common suffix of the rests
    while s < shortest_len - p:
        char = _at(head, head.length - 1 - s)
        for k in range(1, count):
            other = _chars(<str>carriers[k])
            if _at(other, other.length - 1 - s) != char:
                break
        else:
            s += 1
            continue
        break
    if p + s >= shortest_len:
        return None  # a middle is empty: no variation left
    prefix = first[:p]
    suffix = first[PyUnicode_GET_LENGTH(first) - s :] if s else ""
    hopeless = (
        (level == "clause" or level == "sentence")
        and p == 0
        and s == 0
        and longest > 12
        and not (level == "clause" and _slot_piece(carriers))
    )
    infix = ""
    if shortest_len - p - s >= 2 and not hopeless:
        middles = [
            (<str>carriers[k])[p : PyUnicode_GET_LENGTH(<str>carriers[k]) - s]
            for k in range(count)
        ]
        infix = _common_infix(middles)
    if p == 0 and s == 0 and not infix:
        return None
    return prefix, infix, suffix


# --- scans of a sentence (``units``): the regular expressions' matches, found in one pass ---

cdef enum:
    HAN_FIRST = 0x4E00  # ``vocabulary.HAN_FIRST`` .. ``HAN_LAST``: the Han characters
    HAN_LAST = 0x9FFF

#: ``vocabulary.HAN_FIRST`` and ``HAN_LAST`` as this kernel was built with them (a test
#: compares them)
han_range = (chr(HAN_FIRST), chr(HAN_LAST))


cdef inline bint _is_han(Py_UCS4 char):
    return HAN_FIRST <= char <= HAN_LAST


cdef inline (Py_ssize_t, Py_ssize_t) _within(str view, Py_ssize_t start, Py_ssize_t end):
    """``start..end`` clipped to the bounds of ``view``, as a regex's pos and endpos are."""
    if end > PyUnicode_GET_LENGTH(view):
        end = PyUnicode_GET_LENGTH(view)
    return (start if start > 0 else 0), end


def block_starts(str view, Py_ssize_t start, Py_ssize_t end, Py_ssize_t size):
    """The starts of ``units._BLOCK_RE`` (``size`` 2) or ``units._BLOCK3_RE`` (3) matches in
    ``view[start:end]``: a Han character repeated at every ``size``-th place three times,
    Han characters between (共建共治共享 at 共; 新形势新任务新要求 at 新)."""
    cdef Py_ssize_t k, m, span = 2 * size + 1
    cdef Py_UCS4 char
    cdef list starts = []
    cdef _Chars v = _chars(view)
    start, end = _within(view, start, end)
    for k in range(start, end - span + 1):
        char = _at(v, k)
        if _at(v, k + size) != char or _at(v, k + 2 * size) != char or not _is_han(char):
            continue
        for m in range(1, span):
            if not _is_han(_at(v, k + m)):
                break
        else:
            starts.append(k)
    return starts


def phrase_marks(str view, Py_ssize_t start, Py_ssize_t end, str marks, str closers, str openers):
    """The spans of ``units._PHRASE_RE`` matches in ``view[start:end]``: each of ``marks``
    (、), and the empty span between one of ``closers`` and one of ``openers`` (”“)."""
    cdef Py_ssize_t k
    cdef Py_UCS4 char
    cdef list spans = []
    cdef _Chars v = _chars(view), m = _marks(marks), c = _marks(closers), o = _marks(openers)
    start, end = _within(view, start, end)
    for k in range(start, end):
        char = _at(v, k)
        if _is_han(char):
            continue  # the usual case: no mark
        if _holds(m, char):
            spans.append((k, k + 1))
        elif k > 0 and _holds(o, char) and _holds(c, _at(v, k - 1)):
            spans.append((k, k))
    return spans


def clause_cores(str view, Py_ssize_t start, Py_ssize_t end, str trim, str separators):
    """The spans of ``units._CLAUSE_CORE_RE`` matches in ``view[start:end]``: from each
    character outside ``trim`` to the last one outside it before the next of ``separators``
    (all of which are in ``trim``)."""
    cdef Py_ssize_t k, q, last
    cdef Py_UCS4 char
    cdef list spans = []
    cdef _Chars v = _chars(view), t = _marks(trim), s = _marks(separators)
    start, end = _within(view, start, end)
    k = start
    while k < end:
        char = _at(v, k)
        if not _is_han(char) and _holds(t, char):
            k += 1
            continue
        last = k
        q = k + 1
        while q < end:
            char = _at(v, q)
            if _is_han(char):
                last = q
            elif _holds(s, char):
                break
            elif not _holds(t, char):
                last = q
            q += 1
        spans.append((k, last + 1))
        k = last + 1
    return spans


def first_mark(str view, Py_ssize_t start, Py_ssize_t end, str marks):
    """The first place of one of ``marks`` (no Han character) in ``view[start:end]``, or
    -1: where the regex ``[marks]`` finds its first match."""
    cdef Py_ssize_t k
    cdef Py_UCS4 char
    cdef _Chars v = _chars(view), m = _marks(marks)
    cdef const Py_UCS2* wide
    cdef Py_UCS2 unit
    start, end = _within(view, start, end)
    if v.kind == 2 and m.bits != NULL:  # the usual text: every character has its bit
        wide = <const Py_UCS2*>v.data
        for k in range(start, end):
            unit = wide[k]
            if not _is_han(unit) and (m.bits[unit >> 3] >> (unit & 7)) & 1:
                return k
        return -1
    for k in range(start, end):
        char = _at(v, k)
        if not _is_han(char) and _holds(m, char):
            return k
    return -1


cdef (Py_ssize_t, Py_ssize_t) _strip(str view, Py_ssize_t start, Py_ssize_t end, str chars):
    cdef Py_UCS4 char
    cdef _Chars v = _chars(view), c = _marks(chars)
    while start < end:
        char = _at(v, start)
        if _is_han(char) or not _holds(c, char):
            break
        start += 1
    while end > start:
        char = _at(v, end - 1)
        if _is_han(char) or not _holds(c, char):
            break
        end -= 1
    return start, end


def stripped(str view, Py_ssize_t start, Py_ssize_t end, str chars):
    """``start..end`` without ``chars`` (no Han character) at either end, as
    ``layout.strip_bounds`` shrinks it."""
    return _strip(view, start, end, chars)


def unit_maker(type cls, str trim):
    """The function ``make(view, start, end, level, carrier_end=None)`` that does what
    ``units._unit`` does (its definition): the unit ``cls(start, end, carrier_end, level)``
    of ``start..end`` without ``trim`` at its ends (``stripped``), its carrier cut there
    too, or None under two characters; in one step."""
    if not issubclass(cls, tuple):
        raise TypeError(f"unit_maker makes tuples, not {cls.__name__}")

    def make(str view, Py_ssize_t start, Py_ssize_t end, level, carrier_end=None):
        cdef Py_ssize_t carrier, stop
        cdef object made
        start, end = _strip(view, start, end, trim)
        if end - start < 2:
            return None
        if carrier_end is None:
            carrier = end
        else:
            stop = carrier_end
            carrier = _strip(view, start, end if end < stop else stop, trim)[1]
        if start + 1 > carrier:
            carrier = start + 1
        made = __pyx_policytext_alloc(cls, 4)
        for k, item in enumerate((start, end, carrier, level)):
            Py_INCREF(item)
            PyTuple_SET_ITEM(made, k, item)
        return made

    return make


def pieces(str view, Py_ssize_t start, Py_ssize_t end, str marks):
    """``view[start:end]`` cut at each run of ``marks`` (no Han character), as
    ``units._pieces`` cuts it at the matches of the regex ``[marks]+``."""
    cdef Py_ssize_t k, stop, run_end, piece_start = start
    cdef Py_UCS4 char
    cdef list found = []
    cdef _Chars v = _chars(view), m = _marks(marks)
    k, stop = _within(view, start, end)
    while k < stop:
        char = _at(v, k)
        if _is_han(char) or not _holds(m, char):
            k += 1
            continue
        run_end = k + 1
        while run_end < stop and _holds(m, _at(v, run_end)):
            run_end += 1
        found.append((piece_start, k))
        piece_start = k = run_end
    found.append((piece_start, end))
    return found


def has_number(str text, str numerals, Py_UCS4 year):
    """``rules._NUMBER_RE.search(text) is not None``: a digit (0-9, ０-９), or a run of two
    or more of ``numerals`` (四十, 五十五) not followed by ``year`` (年). A match may start
    anywhere in a run but reaches its end, so only whole runs need a look."""
    cdef Py_ssize_t k = 0, run_end
    cdef Py_UCS4 char
    cdef _Chars t = _chars(text), n = _marks(numerals)
    while k < t.length:
        char = _at(t, k)
        if (0x30 <= char <= 0x39) or (0xFF10 <= char <= 0xFF19):
            return True
        if not _holds(n, char):
            k += 1
            continue
        run_end = k + 1
        while run_end < t.length and _holds(n, _at(t, run_end)):
            run_end += 1
        if run_end - k >= 2 and (run_end == t.length or _at(t, run_end) != year):
            return True
        k = run_end
    return False


# --- units and templates (``units.new_unit``, ``templates.new_template``) in one step ---

cdef extern from *:
    """
    static PyObject* __pyx_policytext_alloc(PyObject* type, Py_ssize_t size) {
        return ((PyTypeObject*)type)->tp_alloc((PyTypeObject*)type, size);
    }
    """
    object __pyx_policytext_alloc(object type, Py_ssize_t size)


def tuple_maker(type cls):
    """The function ``make(a, b, c, d)`` that returns ``tuple.__new__(cls, (a, b, c, d))``
    for a tuple subclass ``cls`` (a NamedTuple of four fields): the same object, allocated
    by ``cls`` and filled, without the tuples ``tuple.__new__`` makes on the way."""
    if not issubclass(cls, tuple):
        raise TypeError(f"tuple_maker makes tuples, not {cls.__name__}")

    def make(a, b, c, d):
        cdef object made = __pyx_policytext_alloc(cls, 4)
        Py_INCREF(a)
        PyTuple_SET_ITEM(made, 0, a)
        Py_INCREF(b)
        PyTuple_SET_ITEM(made, 1, b)
        Py_INCREF(c)
        PyTuple_SET_ITEM(made, 2, c)
        Py_INCREF(d)
        PyTuple_SET_ITEM(made, 3, d)
        return made

    return make


cdef extern from *:
    """
    static int __pyx_policytext_set_slot(PyObject* slot, PyObject* obj, PyObject* value) {
        return Py_TYPE(slot)->tp_descr_set(slot, obj, value);
    }
    """
    int __pyx_policytext_set_slot(object slot, object obj, object value) except -1


def span_maker(type cls, start_slot, end_slot, text_slot, label_slot):
    """The function ``make(source, start, end, label=None)`` that does what
    ``results.span_of`` does (its definition): a ``cls`` allocated as ``object.__new__``
    allocates it, its four slots set through their descriptors (``*_slot``, whose
    ``__set__`` the definition calls), without a frame of the interpreter."""
    for slot in (start_slot, end_slot, text_slot, label_slot):
        if not isinstance(slot, MemberDescriptorType):
            raise TypeError("span_maker sets slots through their member descriptors")

    def make(source, start, end, label=None):
        cdef object span
        if not 0 <= start <= end <= len(source):
            raise ValueError(f"invalid span offsets {start}..{end} in {len(source)} characters")
        span = __pyx_policytext_alloc(cls, 0)
        __pyx_policytext_set_slot(start_slot, span, start)
        __pyx_policytext_set_slot(end_slot, span, end)
        __pyx_policytext_set_slot(text_slot, span, source)
        __pyx_policytext_set_slot(label_slot, span, label)
        return span

    return make


cdef extern from "Python.h":
    int PyObject_GenericSetAttr(object obj, object name, object value) except -1


def fields_maker(type cls, tuple names):
    """The function ``make(*values)`` that returns ``cls(*values)`` for a dataclass ``cls``
    whose ``__init__`` only sets its fields ``names``, in order, by ``object.__setattr__``
    (frozen or not; no defaults taken, no ``__post_init__``): ``cls`` allocated as
    ``object.__new__`` allocates it and each field set as that ``__init__`` sets it,
    without the interpreter's frames."""
    cdef Py_ssize_t n = len(names)
    for name in names:
        if type(name) is not str:
            raise TypeError("fields_maker sets fields by their names")

    def make(*values):
        cdef object made
        cdef Py_ssize_t k
        if len(values) != n:
            raise TypeError(f"{cls.__name__} has {n} fields, not {len(values)}")
        made = __pyx_policytext_alloc(cls, 0)
        for k in range(n):
            PyObject_GenericSetAttr(made, names[k], values[k])
        return made

    return make


# --- scans of a paragraph (``segment``): the regular expressions' matches, in one pass ---


def marks_at(str text, Py_ssize_t start, Py_ssize_t end, str marks):
    """The places of ``marks`` in ``text[start:end]``, in order: the starts of the matches
    of the regex ``[marks]`` (``segment._PAIR_RE``)."""
    cdef Py_ssize_t k
    cdef list found = []
    cdef _Chars t = _chars(text), m = _marks(marks)
    cdef const Py_UCS2* wide
    cdef Py_UCS2 char
    start, end = _within(text, start, end)
    if t.kind == 2 and m.bits != NULL:  # the usual text: every character has its bit
        wide = <const Py_UCS2*>t.data
        for k in range(start, end):
            char = wide[k]
            if (m.bits[char >> 3] >> (char & 7)) & 1:
                found.append(k)
        return found
    for k in range(start, end):
        if _holds(m, _at(t, k)):
            found.append(k)
    return found


def runs_outside(str text, str marks):
    """The spans of the runs of characters not in ``marks`` in ``text``: the matches of the
    regex ``[^marks]+`` (``segment._LINE_CONTENT_RE``, the lines between line breaks)."""
    cdef Py_ssize_t k = 0, run_start
    cdef list found = []
    cdef _Chars t = _chars(text), m = _marks(marks)
    while k < t.length:
        if _holds(m, _at(t, k)):
            k += 1
            continue
        run_start = k
        k += 1
        while k < t.length and not _holds(m, _at(t, k)):
            k += 1
        found.append((run_start, k))
    return found


def joined_runs(str text, Py_ssize_t start, Py_ssize_t end, str marks, Py_UCS4 joiner):
    """The starts of the runs of ``marks`` characters in ``text[start:end]`` that ``joiner``
    and another ``marks`` character follow: the matches of the regex
    ``[marks]+(?=joiner[marks])`` (``segment._DOTTED_START_RE``, where a dotted name may start)."""
    cdef Py_ssize_t k, run_start, stop
    cdef list found = []
    cdef _Chars t = _chars(text), m = _marks(marks)
    k, stop = _within(text, start, end)
    while k < stop:
        if not _holds(m, _at(t, k)):
            k += 1
            continue
        run_start = k
        k = _run_end(t, k, stop, m)
        if k + 1 < stop and _at(t, k) == joiner and _holds(m, _at(t, k + 1)):
            found.append(run_start)
    return found


def first_alnum(str text, Py_ssize_t start, Py_ssize_t end):
    """The first place in ``text[start:end]`` of a letter or digit of any script
    (``str.isalnum``), or ``end``: where the regex ``[^\\W_]`` finds its first match
    (``segment._first_word_char``)."""
    cdef Py_ssize_t k, stop
    cdef _Chars t = _chars(text)
    k, stop = _within(text, start, end)
    while k < stop:
        if Py_UNICODE_ISALNUM(_at(t, k)):
            return k
        k += 1
    return end


def terminals(str text, Py_ssize_t start, Py_ssize_t end, str strong, str ellipsis, str periods):
    """``(start, end, mark)`` of every match of ``segment._TERMINAL_RE`` in
    ``text[start:end]``, as ``segment._terminals`` finds them: a run of ``strong``
    terminals and the ``ellipsis`` characters after it; a run of ``ellipsis`` characters
    and the terminals after it; two or more ``.`` and the terminals after them; one of
    ``periods`` (the regex's alternatives, tried in that order)."""
    cdef Py_ssize_t k, stop, q
    cdef Py_UCS4 char
    cdef list found = []
    cdef _Chars t = _chars(text), s = _marks(strong), e = _marks(ellipsis), p = _marks(periods)
    cdef bint han_free = True  # no mark is a Han character: a Han character ends no sentence
    for marks in (strong, ellipsis, periods):
        for char in <str>marks:
            if _is_han(char):
                han_free = False
    k, stop = _within(text, start, end)
    while k < stop:
        char = _at(t, k)
        if han_free and _is_han(char):
            k += 1
            continue
        if _holds(s, char):
            q = _run_end(t, _run_end(t, k + 1, stop, s), stop, e)
        elif _holds(e, char):
            q = _run_end(t, _run_end(t, k + 1, stop, e), stop, s)
        elif char == u"." and k + 1 < stop and _at(t, k + 1) == u".":
            q = k + 2
            while q < stop and _at(t, q) == u".":
                q += 1
            q = _run_end(t, q, stop, s)
        elif _holds(p, char):
            q = k + 1
        else:
            k += 1
            continue
        found.append((k, q, text[k:q]))
        k = q
    return found


def count_han(str text, Py_ssize_t start, Py_ssize_t end, str excluded):
    """How many Han characters not in ``excluded`` ``text[start:end]`` holds (``start``,
    ``end`` at least 0): ``scoring._han_count``, ``units._is_han`` of each."""
    cdef Py_ssize_t k, count = 0
    cdef Py_UCS4 char
    cdef _Chars t = _chars(text), x = _marks(excluded)
    start, end = _within(text, start, end)
    for k in range(start, end):
        char = _at(t, k)
        if _is_han(char) and not _holds(x, char):
            count += 1
    return count


# --- the cheap test of a window (``grouping._hopeless``), without slicing a carrier ---


def table_pairs(
    str text, const unsigned short[::1] first, const unsigned short[::1] follows, unsigned short end
):
    """The places ``k`` where ``first[text[k]] & follows[text[k + 1]]`` is not 0 (``end``
    in place of the second at the text's end), each code point read as the tables' last
    entry where it lies beyond them: ``enumerations.marker_starts``' numpy arrays, in one
    pass."""
    cdef _Chars t = _chars(text)
    cdef Py_ssize_t k, top = first.shape[0] - 1, last = follows.shape[0] - 1
    cdef Py_UCS4 char
    cdef unsigned short wanted, after
    cdef list found = []
    for k in range(t.length):
        char = _at(t, k)
        wanted = first[char if char < top else top]
        if not wanted:
            continue
        if k + 1 < t.length:
            char = _at(t, k + 1)
            after = follows[char if char < last else last]
        else:
            after = end
        if wanted & after:
            found.append(k)
    return found


def display_width(str text, Py_ssize_t start, Py_ssize_t end, str narrow):
    """``layout._display_width(text[start:end])``: two cells a character, one for those of
    ``narrow`` (``vocabulary.NARROW``)."""
    cdef _Chars t = _chars(text), n = _marks(narrow)
    cdef Py_ssize_t k, cells = 0
    start, end = _within(text, start, end)
    for k in range(start, end):
        cells += 1 if _holds(n, _at(t, k)) else 2
    return cells


def cuts_word(str view, Py_ssize_t at, str numerals, frozenset words):
    """``scoring._cuts_word``: whether a member edge at ``at`` falls inside a two- or
    three-character word of ``words``, both sides Chinese characters (``units._is_han``:
    not one of ``numerals``); the pieces sliced as Python slices them."""
    cdef _Chars v, x
    cdef Py_UCS4 before, after
    if at <= 0 or at >= PyUnicode_GET_LENGTH(view):
        return False
    v, x = _chars(view), _marks(numerals)
    before, after = _at(v, at - 1), _at(v, at)
    if not (_is_han(before) and not _holds(x, before) and _is_han(after) and not _holds(x, after)):
        return False
    return (
        view[at - 1 : at + 1] in words
        or view[at - 2 : at + 1] in words
        or view[at - 1 : at + 2] in words
    )


cdef inline bint _heads_equal(str a, str b, Py_ssize_t size):
    """``a[:size] == b[:size]``."""
    cdef _Chars ca = _chars(a), cb = _chars(b)
    cdef Py_ssize_t la = ca.length, lb = cb.length, k
    if la > size:
        la = size
    if lb > size:
        lb = size
    if la != lb:
        return False
    for k in range(la):
        if _at(ca, k) != _at(cb, k):
            return False
    return True


cdef inline bint _tails_equal(_Chars a, _Chars b, Py_ssize_t size):
    """``a[-size:] == b[-size:]``."""
    cdef Py_ssize_t na = a.length, nb = b.length, la, lb, k
    la = na if na < size else size
    lb = nb if nb < size else size
    if la != lb:
        return False
    for k in range(la):
        if _at(a, na - la + k) != _at(b, nb - lb + k):
            return False
    return True


cdef bint _same_openings(list carriers, Py_ssize_t start):
    """Every carrier from ``start`` on opens with the same character (none is empty)."""
    cdef Py_ssize_t k
    cdef Py_UCS4 char = _at(_chars(<str>carriers[start]), 0)
    for k in range(start + 1, len(carriers)):
        if _at(_chars(<str>carriers[k]), 0) != char:
            return False
    return True


cdef bint _same_tails(list carriers, Py_ssize_t size):
    """Every carrier ends with the same ``size`` characters (``grouping._same_ending``)."""
    cdef Py_ssize_t k
    cdef _Chars first = _chars(<str>carriers[0])
    for k in range(1, len(carriers)):
        if not _tails_equal(first, _chars(<str>carriers[k]), size):
            return False
    return True


cdef Py_ssize_t _index(str s, Py_UCS4 char):
    """``s.find(char)``."""
    cdef Py_ssize_t k
    cdef _Chars c = _chars(s)
    for k in range(c.length):
        if _at(c, k) == char:
            return k
    return -1


cdef bint _rest_slot_piece(list carriers):
    """``templates.slot_piece(carriers[1:], least=2)`` (two carriers or more after the first)."""
    return _piece_in_slot(carriers, 1)


cdef bint _two_character_slot(list carriers):
    """``grouping._two_character_slot``: every carrier holds one piece at places 2 and 3."""
    cdef Py_ssize_t k
    cdef _Chars first = _chars(<str>carriers[0]), other
    if first.length < 4:
        return False
    for k in range(1, len(carriers)):
        other = _chars(<str>carriers[k])
        if other.length < 4 or _at(other, 2) != _at(first, 2) or _at(other, 3) != _at(first, 3):
            return False
    return True


cdef bint _share_three(str first, str second):
    """``grouping._share_piece(first, second, 3)``: a common piece of three characters."""
    cdef str short = first, long = second
    cdef Py_ssize_t k
    if PyUnicode_GET_LENGTH(first) > PyUnicode_GET_LENGTH(second):
        short, long = second, first
    for k in range(PyUnicode_GET_LENGTH(short) - 2):
        if _find(long, short, k, 3) >= 0:
            return True
    return False


cdef bint _same_slot(list carriers):
    """Whether every carrier holds one character third from its end (取得｜新｜突破)."""
    cdef Py_ssize_t k
    cdef Py_UCS4 slot = 0
    cdef _Chars carrier
    for k in range(len(carriers)):
        carrier = _chars(<str>carriers[k])
        if carrier.length < 3:
            return False
        if k == 0:
            slot = _at(carrier, carrier.length - 3)
        elif _at(carrier, carrier.length - 3) != slot:
            return False
    return True


def hopeless(
    list carriers, str level, str leading, Py_ssize_t head_longest, tuple correlatives
):
    """``grouping._hopeless(carriers, level)`` decided without weighing characters: 1 (no
    reading of the window has a template), 0 (one may), or -1 where only the Python test
    can tell (a pair of one length with two or more slots alike, weighed by
    ``aligned_strength``; an empty carrier). ``leading`` holds ``LEADING_WORDS``,
    ``head_longest`` is ``HEAD_LONGEST`` and ``correlatives`` ``CORRELATIVES``."""
    cdef Py_ssize_t count = len(carriers), k, length, lo, hi, slots, n1, n2, at
    cdef str first, second
    cdef Py_UCS4 opener
    cdef _Chars a, b, lead
    if count < 2:
        return -1
    for k in range(count):
        if PyUnicode_GET_LENGTH(<str>carriers[k]) == 0:
            return -1  # the Python test fails on it as it always did
    first = <str>carriers[0]
    n1 = PyUnicode_GET_LENGTH(first)
    if level == "sentence":
        if count >= 3 and _same_tails(carriers, 2):
            return 0  # first clauses that end alike (rule_ending_heads)
        if count >= 3 and n1 <= head_longest:
            for k in range(1, count):
                if PyUnicode_GET_LENGTH(<str>carriers[k]) != n1:
                    break
            else:
                return 0  # first clauses of one shape (rule_even_heads)
        if count >= 3 and _same_slot(carriers):
            return 0  # first clauses alike before their last word (rule_slot_heads)
        if not _same_openings(carriers, 0):
            return 1
        if count == 2 and (n1 > 8 or PyUnicode_GET_LENGTH(<str>carriers[1]) > 8):
            return 1
        return 0
    if level == "semicolon":
        if count > 2:
            return 0
    elif _same_tails(carriers, 1):
        return 0  # clauses may share an ending
    if count > 2:  # three clauses or more: the others must share something or be short
        if _same_openings(carriers, 1):
            return 0
        lo = hi = PyUnicode_GET_LENGTH(<str>carriers[1])
        for k in range(2, count):
            length = PyUnicode_GET_LENGTH(<str>carriers[k])
            if length < lo:
                lo = length
            if length > hi:
                hi = length
        if hi <= 8 or (lo == hi and hi <= 12):
            return 0
        if level == "clause" and (_rest_slot_piece(carriers) or _two_character_slot(carriers)):
            return 0
        return 1
    second = <str>carriers[1]
    n2 = PyUnicode_GET_LENGTH(second)
    a, b, lead = _chars(first), _chars(second), _marks(leading)
    if _heads_equal(first, second, 2) or (_at(a, 0) == _at(b, 0) and _holds(lead, _at(a, 0))):
        return 0
    if n1 == n2 and n2 <= 12:  # aligned_strength >= 2 needs two slots alike at least
        slots = 0
        for k in range(n1):
            if _at(a, k) == _at(b, k):
                slots += 1
        if slots >= 2:
            return -1
    if level == "semicolon" and _share_three(first, second):
        return 0
    for pair in correlatives:  # _correlative_possible: 既…，又…, also after a lead
        if second.startswith(<str>pair[1]) and <str>pair[0] in first:
            return 0
    opener = _at(b, 0)
    if opener == u"是" or opener == u"既":
        return 1 if _index(first, opener) <= 0 else 0
    if not _holds(lead, opener):
        return 1
    at = _index(first, opener)
    if 0 < at <= 3 or _find(first, second, 0, 2 if n2 >= 2 else 1) > 0:
        return 0
    return 1


def share_a_character(list carriers):
    """Whether some character of the first of ``carriers`` (two or more) stands in every
    other (``grouping._share_a_character``)."""
    cdef Py_ssize_t count = len(carriers), k, c, m
    cdef _Chars first = _chars(<str>carriers[0]), other
    cdef Py_UCS4 char
    cdef bint found
    for k in range(first.length):
        char = _at(first, k)
        for c in range(1, count):
            other = _chars(<str>carriers[c])
            found = False
            for m in range(other.length):
                if _at(other, m) == char:
                    found = True
                    break
            if not found:
                break
        else:
            return True
    return False


# --- the carriers of units, and the characters units of one length share slot by slot ---


def carriers(str view, units):
    """``[view[u.start : u.carrier_end] for u in units]`` (``grouping._carriers``): a unit
    is the tuple ``(start, end, carrier_end, level)`` of ``units.Unit``."""
    cdef list found = []
    for unit in units:
        if not isinstance(unit, tuple) or len(<tuple>unit) < 3:
            raise TypeError(f"carriers reads units, not {type(unit).__name__}")
        found.append(view[<Py_ssize_t>(<tuple>unit)[0] : <Py_ssize_t>(<tuple>unit)[2]])
    return found


def aligned_shared(carriers, Py_ssize_t longest):
    """The characters every carrier holds at the same place, in order, where all are of one
    length of at most ``longest`` characters (``templates.aligned_strength`` weighs them);
    None where their lengths differ or exceed it."""
    cdef Py_ssize_t count = len(carriers), length, k, c
    cdef str first
    cdef Py_UCS4 char
    cdef list shared = []
    if count == 0:
        raise IndexError("aligned_shared needs at least one carrier")
    first = <str>carriers[0]
    length = PyUnicode_GET_LENGTH(first)
    if length > longest:
        return None
    for c in range(1, count):
        if PyUnicode_GET_LENGTH(<str>carriers[c]) != length:
            return None
    for k in range(length):
        char = first[k]
        for c in range(1, count):
            if (<str>carriers[c])[k] != char:
                break
        else:
            shared.append(char)
    return "".join(shared)


# --- the genre's evidence (``genre.evidence``) read in one pass over a paragraph -----------

cdef enum:
    _BMP = 0x10000  # characters with a weight, a space or a digit all lie below it
    _PAIR_SLOTS = 1 << 15  # open addressing, at most a quarter full (checked when built)


cdef inline Py_ssize_t _pair_slot(uint64_t key):
    return <Py_ssize_t>((key * <uint64_t>0x9E3779B97F4A7C15) >> 49)


cdef class GenreTable:
    """``genre.evidence``'s model as C tables: each character's weight, each pair's weight
    (keyed by both code points), the spaces left out and the digits read as 0."""

    cdef double* chars
    cdef unsigned char* kinds  # 1: a space (left out), 2: a digit (read as 0)
    cdef uint64_t* pair_keys  # 0: an empty slot; else (first << 21 | second) + 1
    cdef double* pair_weights

    def __cinit__(self, dict weights, str spaces, str digits):
        cdef Py_ssize_t slot
        cdef uint64_t key
        cdef Py_UCS4 c
        self.chars = <double*>calloc(_BMP, sizeof(double))
        self.kinds = <unsigned char*>calloc(_BMP, 1)
        self.pair_keys = <uint64_t*>calloc(_PAIR_SLOTS, sizeof(uint64_t))
        self.pair_weights = <double*>calloc(_PAIR_SLOTS, sizeof(double))
        if not (self.chars and self.kinds and self.pair_keys and self.pair_weights):
            raise MemoryError()
        for c in spaces:
            if c >= _BMP:
                raise ValueError("a space beyond the BMP")
            self.kinds[c] = 1
        for c in digits:
            if c >= _BMP:
                raise ValueError("a digit beyond the BMP")
            self.kinds[c] = 2
        if len(weights) * 4 > _PAIR_SLOTS:
            raise ValueError("too many weights for the pair table")
        for name, weight in weights.items():
            if len(name) == 1:
                if ord(name) >= _BMP:
                    raise ValueError("a weighed character beyond the BMP")
                self.chars[ord(name)] = weight
            elif len(name) == 2:
                key = ((<uint64_t>ord(name[0]) << 21) | <uint64_t>ord(name[1])) + 1
                slot = _pair_slot(key)
                while self.pair_keys[slot] != 0:
                    slot = (slot + 1) & (_PAIR_SLOTS - 1)
                self.pair_keys[slot] = key
                self.pair_weights[slot] = weight
            else:
                raise ValueError(f"a weight of {len(name)} characters: {name!r}")

    def __dealloc__(self):
        free(self.chars)
        free(self.kinds)
        free(self.pair_keys)
        free(self.pair_weights)

    def evidence(self, str text, Py_ssize_t start, Py_ssize_t end):
        """``genre.evidence(text[start:end])``: the sum of the characters' weights, then
        of the pairs' weights (each sum in the text's order, as ``sum`` adds), and the
        count of characters read (spaces left out, digits as 0)."""
        cdef Py_ssize_t length = PyUnicode_GET_LENGTH(text), k, slot, n = 0
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        cdef Py_UCS4 c, before = 0
        cdef uint64_t key
        cdef double char_sum = 0.0, pair_sum = 0.0, weight
        if start < 0:
            start = 0
        if end > length:
            end = length
        for k in range(start, end):
            c = PyUnicode_READ(kind, data, k)
            if c < _BMP:
                if self.kinds[c] == 1:
                    continue
                if self.kinds[c] == 2:
                    c = 48  # "0"
                weight = self.chars[c]
                if weight != 0.0:
                    char_sum += weight
            if n:
                key = ((<uint64_t>before << 21) | <uint64_t>c) + 1
                slot = _pair_slot(key)
                while self.pair_keys[slot] != 0:
                    if self.pair_keys[slot] == key:
                        weight = self.pair_weights[slot]
                        if weight != 0.0:
                            pair_sum += weight
                        break
                    slot = (slot + 1) & (_PAIR_SLOTS - 1)
            before = c
            n += 1
        return char_sum + pair_sum, n
