// One escaper for every page and SVG the core writes.

#include "base/html_escape.h"

#include <doctest/doctest.h>

TEST_CASE("html escape: markup characters become entities, other text stays as written") {
    CHECK(attune::html_escape("Mei & Ren <b>\"it's\"</b>") ==
          "Mei &amp; Ren &lt;b&gt;&quot;it&#39;s&quot;&lt;/b&gt;");
    CHECK(attune::html_escape("Zoë — ça va") == "Zoë — ça va");
    CHECK(attune::html_escape("") == "");
}
