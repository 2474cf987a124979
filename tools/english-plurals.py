#!/usr/bin/env python3
"""Fills the English plural forms of translations/coordinator-console_en.ts.

The sources say "%n device(s)"; English needs "%n device" and "%n devices". This writes both forms
for every unfinished numerus message whose source marks the plural with "(s)" or "(es)", and leaves
any other unfinished (the translations test then names it, to be written by hand in Linguist).

    python3 tools/english-plurals.py translations/coordinator-console_en.ts
"""
import re
import sys
import xml.etree.ElementTree as ET

MARK = re.compile(r"\((e?s)\)")


def main(path: str) -> int:
    tree = ET.parse(path)
    filled = left = 0
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        if not MARK.search(source):
            left += 1
            continue
        for form in list(translation):
            translation.remove(form)
        singular = ET.SubElement(translation, "numerusform")
        singular.text = MARK.sub("", source)
        plural = ET.SubElement(translation, "numerusform")
        plural.text = MARK.sub(lambda m: m.group(1), source)
        del translation.attrib["type"]
        filled += 1
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
    print(f"{path}: {filled} plural message(s) filled, {left} left for a person")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
