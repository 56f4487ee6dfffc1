#!/usr/bin/env python3
"""Lines of every C++ function body, for check_function_sizes.sh.

Prints "path:line lines name" for each function (or test, or lambda at
namespace scope) whose definition spans more than LIMIT lines. A function's
lambdas count as part of it. It reads clang-formatted code: comments, strings
and characters are blanked first, then a '{' that opens at namespace or class
scope after a parameter list ')' (and its const/noexcept/override/-> tail, or
a constructor's initializer list) starts a body, which ends at its matching '}'.
"""
import re
import sys

TAIL = re.compile(r"\)\s*(?:(?:const|noexcept(?:\([^()]*\))?|override|final|mutable|&&|&|->\s*[\w:<>,\s*&\[\]]+)\s*)*$")
TEST_MACROS = {"TEST", "TEST_F", "TEST_P", "TYPED_TEST"}
NAME = re.compile(r"([~\w:]+(?:<[^<>]*>)?)\s*\($")


def blank_comments_and_strings(text):
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i)); i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j])); i = j
        elif text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            end = text.find(")" + m.group(1) + '"', i) if m else -1
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append('""' + re.sub(r"[^\n]", " ", text[i + 2:j])); i = j
        elif c == "'" and i > 0 and text[i - 1] in "0123456789abcdefABCDEF":  # a digit separator: 1'000
            out.append(c); i += 1
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(c + " " * (j - i - 2) + c if j - i >= 2 else c); i = j
        else:
            out.append(c); i += 1
    return "".join(out)


def function_name(head):
    """The name before the parameter list whose ')' ends the head."""
    depth, k = 0, len(head) - 1
    while k >= 0:
        if head[k] == ")":
            depth += 1
        elif head[k] == "(":
            depth -= 1
            if depth == 0:
                m = NAME.search(head[:k + 1])
                if m and m.group(1) in TEST_MACROS:  # a test is named by its suite and name
                    return m.group(1) + "(" + re.sub(r"\s+", " ", head[k + 1:]).strip()
                return m.group(1) if m else "lambda"
        k -= 1
    return "?"


def long_functions(path, limit):
    text = blank_comments_and_strings(open(path, encoding="utf-8", errors="replace").read())
    results, stack, head_start = [], [], 0  # stack: True for a function body (or inside one)
    line = 1
    for i, c in enumerate(text):
        if c == "\n":
            line += 1
        elif c == "{":
            inside = bool(stack) and stack[-1][0]
            if inside:
                stack.append((True, None, None))
            else:
                head = text[head_start:i].strip()
                opens = bool(TAIL.search(head)) or bool(re.search(r"\)\s*:\s*.*[)}]\s*$", head, re.S))
                is_function = opens and not re.search(r"(^|\W)(namespace|class|struct|enum|union)\W[^()]*$", head)
                stack.append((is_function, line, function_name(head) if is_function else None))
            head_start = i + 1
        elif c == "}":
            if stack:
                is_function, start, name = stack.pop()
                if is_function and start is not None and line - start + 1 > limit:
                    results.append((start, line - start + 1, name))
            head_start = i + 1
        elif c == ";" and not (stack and stack[-1][0]):
            head_start = i + 1
    return results


def main():
    limit = int(sys.argv[1])
    for path in sys.argv[2:]:
        for start, lines, name in long_functions(path, limit):
            print(f"{path}:{start} {lines} {name}")


if __name__ == "__main__":
    main()
