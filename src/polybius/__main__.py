"""python -m polybius"""
from polybius.cli import main

main()
