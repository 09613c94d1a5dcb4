# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
# distutils: language = c++
"""The compiled segmentation core: pkuseg's features as integer keys, its Viterbi in C++.

Reads a model converted by :mod:`policytext.segcore` (flat open-addressing
tables of integer keys, float64 weights, all memory-mapped). Every feature is
an exact 64-bit key (a feature type and node or word ids packed side by side,
no lossy hash), so a lookup here hits exactly when spacy_pkuseg's dict lookup
of the feature string does; the weights are summed in spacy_pkuseg's order and
the Viterbi breaks ties as it does, so the words are the same.
"""

from cpython.unicode cimport Py_UNICODE_ISSPACE
from cython.operator cimport dereference as deref
from libc.stdint cimport int32_t, int64_t, uint32_t, uint64_t
from libcpp.unordered_map cimport unordered_map
from libcpp.vector cimport vector

import numpy as np

# feature types: the high bits of a key (never 0, so 0 marks an empty slot)
cdef enum:
    T_C = 1
    T_CM1 = 2
    T_C1 = 3
    T_CM2 = 4
    T_C2 = 5
    T_CM1C = 6
    T_CC1 = 7
    T_CM2CM1 = 8
    T_WM1 = 9
    T_W1 = 10
    T_WWL = 11
    T_WWR = 12
    TYPE_SHIFT = 58
    NODE_BITS = 21
    WORD_BITS = 26
    MAX_WORD = 6
    MIN_WORD = 2
    N_LEN = 5  # MAX_WORD - MIN_WORD + 1
    MAX_TAGS = 8

FEATURE_TYPES = {
    "c": T_C, "c-1": T_CM1, "c1": T_C1, "c-2": T_CM2, "c2": T_C2,
    "c-1c": T_CM1C, "cc1": T_CC1, "c-2c-1": T_CM2CM1,
    "w-1": T_WM1, "w1": T_W1, "ww.l": T_WWL, "ww.r": T_WWR,
}
WORD_LENGTHS = (MIN_WORD, MAX_WORD)
LIMITS = {"node_bits": NODE_BITS, "word_bits": WORD_BITS, "max_tags": MAX_TAGS}


cdef inline uint64_t _mix(uint64_t x) noexcept nogil:
    """splitmix64's finaliser: spreads an integer key over the table."""
    x ^= x >> 30
    x *= <uint64_t>0xbf58476d1ce4e5b9
    x ^= x >> 27
    x *= <uint64_t>0x94d049bb133111eb
    x ^= x >> 31
    return x


cdef inline uint64_t _key1(uint64_t kind, uint64_t a) noexcept nogil:
    return (kind << TYPE_SHIFT) | a


cdef inline uint64_t _key2(uint64_t kind, uint64_t a, uint64_t b, int bits) noexcept nogil:
    return (kind << TYPE_SHIFT) | (a << bits) | b


def feature_key(int kind, a, b=None):
    """The integer key of a feature (``a``, ``b``: node ids, or word ids for word features)."""
    if b is None:
        return _key1(kind, a)
    return _key2(kind, a, b, WORD_BITS if kind >= T_WWL else NODE_BITS)


def word_key(nodes):
    """The two 64-bit halves of a word of 2..6 node ids (three 21-bit ids in each)."""
    cdef uint64_t k1 = 0, k2 = 0
    cdef int i
    for i, node in enumerate(nodes):
        if i < 3:
            k1 |= (<uint64_t>node) << (NODE_BITS * i)
        else:
            k2 |= (<uint64_t>node) << (NODE_BITS * (i - 3))
    return k1, k2


def build_table(uint64_t[::1] keys, int32_t[::1] values, int64_t capacity):
    """An open-addressing table (linear probing) of ``keys``; raises on a repeated key."""
    if capacity & (capacity - 1) or capacity < 2 * 1:
        raise ValueError("capacity must be a power of two")
    table_keys = np.zeros(capacity, dtype=np.uint64)
    table_values = np.full(capacity, -1, dtype=np.int32)
    cdef uint64_t[::1] tk = table_keys
    cdef int32_t[::1] tv = table_values
    cdef uint64_t mask = capacity - 1, slot, key
    cdef Py_ssize_t i
    for i in range(keys.shape[0]):
        key = keys[i]
        if key == 0:
            raise ValueError("key 0 is reserved for empty slots")
        slot = _mix(key) & mask
        while tk[slot] != 0:
            if tk[slot] == key:
                raise ValueError(f"repeated key {key}")
            slot = (slot + 1) & mask
        tk[slot] = key
        tv[slot] = values[i]
    return table_keys, table_values


def build_word_table(uint64_t[::1] k1, uint64_t[::1] k2, int32_t[::1] values, int64_t capacity):
    """The words' table: two-part keys (compared in full), linear probing."""
    if capacity & (capacity - 1):
        raise ValueError("capacity must be a power of two")
    keys1 = np.zeros(capacity, dtype=np.uint64)
    keys2 = np.zeros(capacity, dtype=np.uint64)
    table_values = np.full(capacity, -1, dtype=np.int32)
    cdef uint64_t[::1] t1 = keys1, t2 = keys2
    cdef int32_t[::1] tv = table_values
    cdef uint64_t mask = capacity - 1, slot
    cdef Py_ssize_t i
    for i in range(k1.shape[0]):
        if k1[i] == 0:
            raise ValueError("a word needs at least two nodes")
        slot = _mix(k1[i] ^ _mix(k2[i])) & mask
        while t1[slot] != 0:
            if t1[slot] == k1[i] and t2[slot] == k2[i]:
                raise ValueError("repeated word")
            slot = (slot + 1) & mask
        t1[slot] = k1[i]
        t2[slot] = k2[i]
        tv[slot] = values[i]
    return keys1, keys2, table_values


cdef class Terms:
    """A trie of words kept whole (spacy_pkuseg's Preprocesser, over code points)."""

    cdef unordered_map[uint64_t, int32_t] children
    cdef vector[char] is_word

    def __init__(self, terms=()):
        self.is_word.push_back(0)
        for term in terms:
            self._insert(term)

    cdef void _insert(self, str term):
        cdef int32_t node = 0
        cdef uint64_t key
        cdef Py_UCS4 ch
        cdef unordered_map[uint64_t, int32_t].iterator found
        for ch in term:
            key = ((<uint64_t>node) << 21) | <uint32_t>ch
            found = self.children.find(key)
            if found == self.children.end():
                self.children[key] = <int32_t>self.is_word.size()
                node = <int32_t>self.is_word.size()
                self.is_word.push_back(0)
            else:
                node = deref(found).second
        self.is_word[node] = 1

    cdef inline int32_t child(self, int32_t node, uint32_t ch) noexcept nogil:
        cdef unordered_map[uint64_t, int32_t].iterator found
        found = self.children.find(((<uint64_t>node) << 21) | ch)
        if found == self.children.end():
            return -1
        return deref(found).second


cdef class Core:
    """A converted pkuseg model: ``spans(view)`` gives spacy_pkuseg's words as offsets."""

    cdef object _arrays
    cdef const uint64_t* fkeys
    cdef const int32_t* fvalues
    cdef uint64_t fmask
    cdef const uint64_t* wkeys1
    cdef const uint64_t* wkeys2
    cdef const int32_t* wvalues
    cdef uint64_t wmask
    cdef const double* weights
    cdef const uint32_t* nodemap
    cdef uint32_t nodemap_size
    cdef int n_tag
    cdef int32_t empty_word
    cdef double edge[MAX_TAGS * MAX_TAGS]
    cdef char starts[MAX_TAGS]
    cdef public Terms terms

    def __init__(self, arrays, int n_tag, int64_t n_feature, starts, int32_t empty_word):
        """``arrays``: feature_keys, feature_values, word_keys1, word_keys2, word_values,
        weights and nodemap (code point -> node id, below its length)."""
        if not 0 < n_tag <= MAX_TAGS or len(starts) != n_tag:
            raise ValueError(f"unsupported number of tags: {n_tag}")
        cdef const uint64_t[::1] fk = arrays["feature_keys"]
        cdef const int32_t[::1] fv = arrays["feature_values"]
        cdef const uint64_t[::1] wk1 = arrays["word_keys1"]
        cdef const uint64_t[::1] wk2 = arrays["word_keys2"]
        cdef const int32_t[::1] wv = arrays["word_values"]
        cdef const double[::1] w = arrays["weights"]
        cdef const uint32_t[::1] nm = arrays["nodemap"]
        if fk.shape[0] != fv.shape[0] or fk.shape[0] & (fk.shape[0] - 1):
            raise ValueError("the feature table is not a power-of-two table")
        if not (wk1.shape[0] == wk2.shape[0] == wv.shape[0]) or wk1.shape[0] & (wk1.shape[0] - 1):
            raise ValueError("the word table is not a power-of-two table")
        if w.shape[0] != n_tag * (n_feature + n_tag):
            raise ValueError("weights do not match the number of features and tags")
        self._arrays = dict(arrays)
        self.fkeys = &fk[0]
        self.fvalues = &fv[0]
        self.fmask = fk.shape[0] - 1
        self.wkeys1 = &wk1[0]
        self.wkeys2 = &wk2[0]
        self.wvalues = &wv[0]
        self.wmask = wk1.shape[0] - 1
        self.weights = &w[0]
        self.nodemap = &nm[0]
        self.nodemap_size = nm.shape[0]
        self.n_tag = n_tag
        self.empty_word = empty_word
        cdef int64_t backoff = n_feature * n_tag
        cdef int s, s_pre
        for s in range(n_tag):
            self.starts[s] = 1 if starts[s] else 0
            for s_pre in range(n_tag):
                # spacy_pkuseg: edge_score[s_pre, s] = 1.0 + w[backoff + s * n_tag + s_pre]
                self.edge[s_pre * n_tag + s] = 1.0 + w[backoff + s * n_tag + s_pre]
        self.terms = Terms()

    def set_terms(self, terms):
        """Keep these words whole (replaces the previous list)."""
        self.terms = Terms(terms)

    cdef inline int32_t _feature(self, uint64_t key) noexcept nogil:
        cdef uint64_t slot = _mix(key) & self.fmask
        cdef uint64_t found
        while True:
            found = self.fkeys[slot]
            if found == key:
                return self.fvalues[slot]
            if found == 0:
                return -1
            slot = (slot + 1) & self.fmask

    cdef inline int32_t _word(self, const uint32_t* nodes, int length) noexcept nogil:
        cdef uint64_t k1 = 0, k2 = 0, slot
        cdef int i
        for i in range(length):
            if i < 3:
                k1 |= (<uint64_t>nodes[i]) << (NODE_BITS * i)
            else:
                k2 |= (<uint64_t>nodes[i]) << (NODE_BITS * (i - 3))
        slot = _mix(k1 ^ _mix(k2)) & self.wmask
        while True:
            if self.wkeys1[slot] == k1 and self.wkeys2[slot] == k2:
                return self.wvalues[slot]
            if self.wkeys1[slot] == 0:
                return 0  # **noWord
            slot = (slot + 1) & self.wmask

    cdef inline void _add(self, double* row, int32_t feature) noexcept nogil:
        cdef const double* w
        cdef int s
        if feature < 0:
            return
        w = self.weights + <int64_t>feature * self.n_tag
        for s in range(self.n_tag):
            row[s] += w[s]

    cdef void _cut(self, const uint32_t* nodes, int n, int base, vector[int32_t]& bounds,
                   vector[int32_t]& words, vector[double]& score, vector[double]& best,
                   vector[int32_t]& back) noexcept nogil:
        """spacy_pkuseg's ``_cut`` of ``nodes``: word starts (offset ``base``) into ``bounds``."""
        cdef int T = self.n_tag
        cdef int i, l, s, y, y_pre, a, b, tag
        cdef int32_t pre_in[N_LEN]
        cdef int32_t post_in[N_LEN]
        cdef int32_t pre_ex[N_LEN]
        cdef int32_t post_ex[N_LEN]
        cdef int32_t word
        cdef double* row
        cdef double sc, top
        words.resize(<size_t>n * N_LEN)
        # every in-range slice of MIN_WORD..MAX_WORD nodes: its word id or 0 (**noWord)
        for i in range(n):
            for l in range(MIN_WORD, MAX_WORD + 1):
                words[i * N_LEN + l - MIN_WORD] = self._word(nodes + i, l) if i + l <= n else 0
        score.assign(<size_t>n * T, 0.0)
        for i in range(n):
            row = &score[i * T]
            self._add(row, 0)  # "$$"
            self._add(row, self._feature(_key1(T_C, nodes[i])))
            if i > 0:
                self._add(row, self._feature(_key1(T_CM1, nodes[i - 1])))
                self._add(row, self._feature(_key2(T_CM1C, nodes[i - 1], nodes[i], NODE_BITS)))
            if i + 1 < n:
                self._add(row, self._feature(_key1(T_C1, nodes[i + 1])))
                self._add(row, self._feature(_key2(T_CC1, nodes[i], nodes[i + 1], NODE_BITS)))
            if i > 1:
                self._add(row, self._feature(_key1(T_CM2, nodes[i - 2])))
                self._add(row, self._feature(_key2(T_CM2CM1, nodes[i - 2], nodes[i - 1], NODE_BITS)))
            if i + 2 < n:
                self._add(row, self._feature(_key1(T_C2, nodes[i + 2])))
            # word features, lengths MAX_WORD down to MIN_WORD as spacy_pkuseg lists them
            for a in range(N_LEN):
                l = MAX_WORD - a
                pre_in[a] = self._slice(words, i - l + 1, l, n)
                if pre_in[a] != 0:
                    self._add(row, self._feature(_key1(T_WM1, pre_in[a])))
            for a in range(N_LEN):
                l = MAX_WORD - a
                post_in[a] = self._slice(words, i, l, n)
                if post_in[a] != 0:
                    self._add(row, self._feature(_key1(T_W1, post_in[a])))
            for a in range(N_LEN):
                l = MAX_WORD - a
                pre_ex[a] = self._slice(words, i - l, l, n)
                post_ex[a] = self._slice(words, i + 1, l, n)
            for a in range(N_LEN):
                for b in range(N_LEN):
                    self._add(row, self._feature(_key2(T_WWL, pre_ex[a], post_in[b], WORD_BITS)))
            for a in range(N_LEN):
                for b in range(N_LEN):
                    self._add(row, self._feature(_key2(T_WWR, pre_in[a], post_ex[b], WORD_BITS)))
        # Viterbi from the last node back, as spacy_pkuseg's run_viterbi
        best.resize(<size_t>n * T)
        back.resize(<size_t>n * T)
        for y in range(T):
            best[(n - 1) * T + y] = score[(n - 1) * T + y]
        for i in range(n - 2, -1, -1):
            for y in range(T):
                for y_pre in range(T):
                    sc = best[(i + 1) * T + y_pre] + score[i * T + y] + self.edge[y * T + y_pre]
                    if y_pre == 0 or sc >= best[i * T + y]:
                        best[i * T + y] = sc
                        back[i * T + y] = y_pre
        top = best[0]
        tag = 0
        for y in range(1, T):
            if top < best[y]:
                top = best[y]
                tag = y
        bounds.push_back(base)
        for i in range(1, n):
            tag = back[(i - 1) * T + tag]
            if self.starts[tag]:
                bounds.push_back(base + i)

    cdef inline int32_t _slice(self, vector[int32_t]& words, int start, int l, int n) noexcept nogil:
        if start < 0 or start >= n or start + l > n:
            return self.empty_word  # get_slice_str's "" (a word of the model, or **noWord)
        return words[start * N_LEN + l - MIN_WORD]

    def spans(self, str view):
        """Word offsets in ``view``, exactly spacy_pkuseg's ``cut`` with the terms kept whole."""
        cdef Py_ssize_t n = len(view)
        cdef vector[uint32_t] chars
        cdef vector[uint32_t] nodes
        cdef vector[char] space
        cdef vector[int32_t] bounds  # start of every word, then the end of the last
        cdef vector[int32_t] ends
        cdef vector[int32_t] words
        cdef vector[double] score, best
        cdef vector[int32_t] back
        cdef Py_ssize_t k
        cdef Py_UCS4 ch
        cdef uint32_t code
        cdef Terms terms = self.terms
        if n >= (1 << 31) - 1:
            raise ValueError("text too long for the segmentation core (2**31 characters)")
        chars.resize(n)
        nodes.resize(n)
        space.resize(n)
        for k in range(n):
            ch = view[k]
            code = <uint32_t>ch
            chars[k] = code
            space[k] = Py_UNICODE_ISSPACE(ch)
            nodes[k] = self.nodemap[code] if code < self.nodemap_size else code + 1
        with nogil:
            self._segment(chars.data(), nodes.data(), space.data(), <int>n, terms,
                          bounds, ends, words, score, best, back)
        return [(bounds[k], ends[k]) for k in range(<Py_ssize_t>bounds.size())]

    cdef void _segment(self, const uint32_t* chars, const uint32_t* nodes, const char* space,
                       int n, Terms terms, vector[int32_t]& starts, vector[int32_t]& ends,
                       vector[int32_t]& words, vector[double]& score, vector[double]& best,
                       vector[int32_t]& back) noexcept nogil:
        cdef int a = 0, b, i, j, last, lw, now, nxt, k0
        cdef bint found
        cdef bint has_terms = terms.is_word.size() > 1
        cdef vector[int32_t] bounds
        while a < n:
            if space[a]:
                a += 1
                continue
            b = a
            while b < n and not space[b]:
                b += 1
            # one whitespace-free fragment [a, b): terms first (Preprocesser.solve)
            i = a
            last = a
            while has_terms and i < b:
                now = 0
                j = i
                found = False
                lw = -1
                while True:
                    nxt = terms.child(now, chars[j])
                    if nxt < 0:
                        found = lw != -1
                        break
                    now = nxt
                    if terms.is_word[now]:
                        lw = j
                    j += 1
                    if j == b:
                        if lw != -1:
                            j = lw + 1
                            found = True
                        break
                if found:
                    if last != i:
                        self._emit(nodes, last, i, starts, ends, bounds, words, score, best, back)
                    starts.push_back(i)
                    ends.push_back(j)
                    last = j
                    i = j
                else:
                    i += 1
            if last < b:
                self._emit(nodes, last, b, starts, ends, bounds, words, score, best, back)
            a = b

    cdef void _emit(self, const uint32_t* nodes, int a, int b, vector[int32_t]& starts,
                    vector[int32_t]& ends, vector[int32_t]& bounds, vector[int32_t]& words,
                    vector[double]& score, vector[double]& best, vector[int32_t]& back) noexcept nogil:
        cdef size_t k
        bounds.clear()
        self._cut(nodes + a, b - a, a, bounds, words, score, best, back)
        for k in range(bounds.size()):
            starts.push_back(bounds[k])
            ends.push_back(bounds[k + 1] if k + 1 < bounds.size() else b)
