"""The examples in the docstrings run and give what they show."""

import doctest

import pytest

import epitome
import epitome.spark

OBJECTS = [epitome, epitome.summarize, epitome.keywords, epitome.sentences, epitome.summarize_batch, epitome.extract, epitome.spark]


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda o: getattr(o, "__name__", repr(o)))
def test_examples(obj):
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    test = parser.get_doctest(obj.__doc__ or "", {}, getattr(obj, "__name__", "?"), None, 0)
    assert test.examples, f"{obj} has no example"
    runner.run(test)
    assert runner.failures == 0
