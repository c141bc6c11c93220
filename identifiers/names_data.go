package identifiers

import (
	_ "embed"
	"sync"

	"github.com/piiguard/piiguard/identifiers/internal/names"
)

// The word lists of the Name and Address identifiers. Each file's header
// says where its words come from.
var (
	//go:embed data/given_names.txt
	givenNamesData string
	//go:embed data/surnames.txt
	surnamesData string
	//go:embed data/name_stopwords.txt
	nameStopwordsData string
	//go:embed data/places.txt
	placesData string
	//go:embed data/address_words.txt
	addressWordsData string
	//go:embed data/name_stats.txt
	nameStatsData string
	//go:embed data/common_words.txt
	commonWordsData string
)

// lexicon parses the word lists on first use: only detectors that include
// Name or Address pay for them.
var lexicon = sync.OnceValue(func() *names.Lexicon {
	return names.Load(names.Sources{
		GivenNames:   givenNamesData,
		Surnames:     surnamesData,
		Stopwords:    nameStopwordsData,
		Places:       placesData,
		AddressWords: addressWordsData,
		NameStats:    nameStatsData,
		CommonWords:  commonWordsData,
	})
})

func isFullName(v []byte) bool { return lexicon().IsName(v) }

func scoreName(text []byte, start, end int) (int, int, float64, bool) {
	return lexicon().ScoreName(text, start, end)
}

// addressValidator checks a match of one address form.
func addressValidator(form names.Form) *Validator {
	return &Validator{
		Name:  "street address (" + form.String() + " form): street type, place, postcode",
		Check: func(v []byte) bool { return lexicon().IsAddress(form, v) },
		Span:  func(text []byte, s, e int) (int, int) { return lexicon().AddressSpan(form, text, s, e) },
	}
}

// addressPatterns are the Address patterns, one per form, each with its
// validator. The patterns are generated constants (addressExprs, from the
// street types of data/address_words.txt), not assembled at start-up.
func addressPatterns() []Pattern {
	out := make([]Pattern, len(addressExprs))
	for i, e := range addressExprs {
		out[i] = Pattern{Expr: e, Validator: addressValidator(names.Forms[i])}
	}
	return out
}
