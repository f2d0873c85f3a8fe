#pragma once
// Twee syntax shared by the reader and the writer: the note that carries Attune's own data
// after a link or at the top of a passage.

#include <string>

namespace attune::twee {

inline const std::string annotation_open = "<!-- attune:";
inline const std::string annotation_close = "-->";

} // namespace attune::twee
