#pragma once
#include <string>

inline int parse(const std::string &text) { return std::stoi(text); }
